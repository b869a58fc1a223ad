using Dapper;

namespace Roster.Core.Storage.Units;

/// <summary>Reads and writes units, and answers questions about the tree.</summary>
public static class UnitStore
{
    private const string Columns = "id, parent_id, code, name, name_en, time_zone, active, version, created_at";

    /// <summary>The advisory lock that serialises moves, so that two concurrent moves cannot close a cycle.</summary>
    public const string TreeLockKey = "units:tree";

    public static Task<UnitRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<UnitRow>(work.Command(
            $"SELECT {Columns} FROM units WHERE id = @id", new { id }, ct));

    /// <summary>Units whose ids are in <paramref name="visible"/>, optionally children of one parent, in id order after a cursor.</summary>
    public static async Task<IReadOnlyList<UnitRow>> ListAsync(
        DbWork work, IReadOnlyCollection<Guid> visible, Guid? parentId, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM units
            WHERE id = ANY(@visible)
              AND (@parentId::uuid IS NULL OR parent_id = @parentId)
              AND (@after::uuid IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<UnitRow>(work.Command(
            Sql, new { visible = visible.ToArray(), parentId, after, limit }, ct));
        return rows.AsList();
    }

    /// <summary>
    /// Locks the units table against other writers until the transaction ends, then says whether any unit exists:
    /// two processes loading first data at once must not both load it.
    /// </summary>
    public static async Task<bool> LockAndCheckAnyAsync(DbWork work, CancellationToken ct)
    {
        await work.Connection.ExecuteAsync(work.Command("LOCK TABLE units IN SHARE ROW EXCLUSIVE MODE", null, ct));
        return await work.Connection.ExecuteScalarAsync<bool>(work.Command("SELECT EXISTS (SELECT 1 FROM units)", null, ct));
    }

    public static Task<bool> CodeExistsAsync(DbWork work, string code, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<bool>(work.Command(
            "SELECT EXISTS (SELECT 1 FROM units WHERE code = @code)", new { code }, ct));

    public static Task<UnitRow> InsertAsync(DbWork work, UnitRow unit, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<UnitRow>(work.Command($"""
            INSERT INTO units (parent_id, code, name, name_en, time_zone, created_at)
            VALUES (@ParentId, @Code, @Name, @NameEn, @TimeZone, @CreatedAt)
            RETURNING {Columns}
            """, unit, ct));

    /// <summary>
    /// Updates the unit (parent included: a move) when its version still matches; null when it does not (a stale ETag).
    /// A caller that moves a unit checks, under <see cref="TreeLockKey"/>, that the new parent is not in its subtree.
    /// </summary>
    public static Task<UnitRow?> UpdateAsync(DbWork work, UnitRow unit, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<UnitRow>(work.Command($"""
            UPDATE units SET parent_id = @ParentId, code = @Code, name = @Name, name_en = @NameEn, time_zone = @TimeZone,
                active = @Active, version = version + 1
            WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """, unit, ct));

    public static async Task<bool> HasDependentsAsync(DbWork work, Guid id, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<bool>(work.Command("""
            SELECT EXISTS (SELECT 1 FROM units WHERE parent_id = @id)
                OR EXISTS (SELECT 1 FROM people WHERE unit_id = @id)
                OR EXISTS (SELECT 1 FROM periods WHERE unit_id = @id)
                OR EXISTS (SELECT 1 FROM roster_versions WHERE unit_id = @id)
            """, new { id }, ct));

    public static Task<int> DeleteAsync(DbWork work, Guid id, int version, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM units WHERE id = @id AND version = @version", new { id, version }, ct));

    /// <summary>True when any of <paramref name="ids"/> is a root unit (a bureau with nothing above it).</summary>
    public static async Task<bool> AnyRootAsync(DbWork work, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<bool>(work.Command(
            "SELECT EXISTS (SELECT 1 FROM units WHERE id = ANY(@ids) AND parent_id IS NULL)", new { ids = ids.ToArray() }, ct));

    /// <summary>The unit and all its ancestors, nearest first.</summary>
    public static async Task<IReadOnlyList<Guid>> AncestorsAndSelfAsync(DbWork work, Guid id, CancellationToken ct)
    {
        const string Sql = """
            WITH RECURSIVE up(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM units WHERE id = @id
                UNION ALL
                SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
            )
            SELECT id FROM up ORDER BY depth
            """;
        var ids = await work.Connection.QueryAsync<Guid>(work.Command(Sql, new { id }, ct));
        return ids.AsList();
    }

    /// <summary>The rows of the unit and every unit below it.</summary>
    public static async Task<IReadOnlyList<UnitRow>> SubtreeRowsAsync(DbWork work, Guid id, CancellationToken ct)
    {
        const string Sql = $"""
            WITH RECURSIVE down(id) AS (
                SELECT id FROM units WHERE id = @id
                UNION
                SELECT c.id FROM units c JOIN down d ON c.parent_id = d.id
            )
            SELECT {Columns} FROM units WHERE id IN (SELECT id FROM down)
            """;
        var rows = await work.Connection.QueryAsync<UnitRow>(work.Command(Sql, new { id }, ct));
        return rows.AsList();
    }

    /// <summary>The unit and every unit below it.</summary>
    public static async Task<IReadOnlyList<Guid>> SubtreeAsync(DbWork work, Guid id, CancellationToken ct)
    {
        const string Sql = """
            WITH RECURSIVE down(id) AS (
                SELECT id FROM units WHERE id = @id
                UNION
                SELECT c.id FROM units c JOIN down d ON c.parent_id = d.id
            )
            SELECT id FROM down
            """;
        var ids = await work.Connection.QueryAsync<Guid>(work.Command(Sql, new { id }, ct));
        return ids.AsList();
    }
}
