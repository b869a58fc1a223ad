using Dapper;
using Npgsql;

namespace Roster.Core.Storage.Accounts;

/// <summary>The per-request session read: one statement, no transaction, on a pooled connection.</summary>
public static class RequestSessionStore
{
    private const string Sql = """
        SELECT a.session_version, a.active, a.person_id, t.revision AS tree_revision,
               COALESCE((SELECT string_agg(g.role || ':' || g.unit_id::text, ',' ORDER BY g.role, g.unit_id)
                         FROM grants g WHERE g.account_id = a.id), '') AS grants
        FROM accounts a CROSS JOIN unit_tree_revision t
        WHERE a.id = @id
        """;

    public static async Task<RequestSession?> FindAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RequestSession>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }
}
