using Dapper;

namespace Roster.Core.Storage.Calendars;

/// <summary>Holiday calendars.</summary>
public static class CalendarStore
{
    private const string Columns = "id, unit_id, code, name, document::text AS document, builtin, version, created_at";

    public static Task<CalendarRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarRow>(work.Command(
            $"SELECT {Columns} FROM holiday_calendars WHERE id = @id", new { id }, ct));

    public static Task<CalendarRow?> FindByCodeAsync(DbWork work, string code, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarRow>(work.Command(
            $"SELECT {Columns} FROM holiday_calendars WHERE code = @code", new { code }, ct));

    /// <summary>Built-in calendars and those owned by any of <paramref name="units"/>.</summary>
    public static async Task<IReadOnlyList<CalendarRow>> ListAsync(
        DbWork work, IReadOnlyCollection<Guid> units, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM holiday_calendars
            WHERE (unit_id IS NULL OR unit_id = ANY(@units)) AND (@after::uuid IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<CalendarRow>(work.Command(
            Sql, new { units = units.ToArray(), after, limit }, ct));
        return rows.AsList();
    }

    public static Task<CalendarRow> InsertAsync(DbWork work, CalendarRow calendar, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<CalendarRow>(work.Command($"""
            INSERT INTO holiday_calendars (unit_id, code, name, document, builtin, created_at)
            VALUES (@UnitId, @Code, @Name, @Document::jsonb, @Builtin, @CreatedAt)
            RETURNING {Columns}
            """, calendar, ct));

    /// <summary>
    /// Inserts or refreshes a built-in calendar (shipped data may change between releases). Years an administrator
    /// loaded that the shipped data lacks (the State Council publishes each year's dates in the winter before) are kept.
    /// </summary>
    public static Task UpsertBuiltinAsync(DbWork work, CalendarRow calendar, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO holiday_calendars AS c (code, name, document, builtin, created_at)
            VALUES (@Code, @Name, @Document::jsonb, true, @CreatedAt)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name,
                document = excluded.document || jsonb_build_object('years', (c.document -> 'years') || (excluded.document -> 'years')),
                version = c.version + 1
            WHERE c.builtin
              AND c.document <> excluded.document || jsonb_build_object('years', (c.document -> 'years') || (excluded.document -> 'years'))
            """, calendar, ct));

    /// <summary>Replaces the document of any calendar, built-in ones included, when the version still matches.</summary>
    public static Task<CalendarRow?> UpdateDocumentAsync(DbWork work, Guid id, string document, int version, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarRow>(work.Command($"""
            UPDATE holiday_calendars SET document = @document::jsonb, version = version + 1
            WHERE id = @id AND version = @version
            RETURNING {Columns}
            """, new { id, document, version }, ct));

    public static Task<CalendarRow?> UpdateAsync(DbWork work, CalendarRow calendar, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarRow>(work.Command($"""
            UPDATE holiday_calendars SET code = @Code, name = @Name, document = @Document::jsonb, version = version + 1
            WHERE id = @Id AND version = @Version AND NOT builtin
            RETURNING {Columns}
            """, calendar, ct));

    public static async Task<bool> InUseAsync(DbWork work, Guid id, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<bool>(work.Command(
            "SELECT EXISTS (SELECT 1 FROM periods WHERE calendar_id = @id)", new { id }, ct));

    public static Task<int> DeleteAsync(DbWork work, Guid id, int version, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM holiday_calendars WHERE id = @id AND version = @version AND NOT builtin", new { id, version }, ct));
}
