using Dapper;

namespace Roster.Core.Storage.Auditing;

/// <summary>The audit log: appended inside the transaction of the write it records.</summary>
public static class AuditStore
{
    public static Task AppendAsync(DbWork work, AuditEntry entry, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO audit_log (at, actor_id, unit_id, entity, entity_id, action, before, after)
            VALUES (@At, @ActorId, @UnitId, @Entity, @EntityId, @Action, @Before::jsonb, @After::jsonb)
            """, entry, ct));

    /// <summary>Newest first, keyset-paginated by id.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ListAsync(
        DbWork work, IReadOnlyCollection<Guid> units, string? entity, long? before, int limit, CancellationToken ct)
    {
        const string Sql = """
            SELECT id, at, actor_id, unit_id, entity, entity_id, action, before::text AS before, after::text AS after
            FROM audit_log
            WHERE unit_id = ANY(@units)
              AND (@entity::text IS NULL OR entity = @entity)
              AND (@before::bigint IS NULL OR id < @before)
            ORDER BY id DESC
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<AuditEntry>(work.Command(
            Sql, new { units = units.ToArray(), entity, before, limit }, ct));
        return rows.AsList();
    }
}
