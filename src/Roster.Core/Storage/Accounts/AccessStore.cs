using Dapper;

namespace Roster.Core.Storage.Accounts;

/// <summary>Answers which units an account's grants reach.</summary>
public static class AccessStore
{
    /// <summary>Every unit in the subtree of a unit on which the account holds one of <paramref name="roles"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> SubtreesOfGrantsAsync(
        DbWork work, Guid accountId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        const string Sql = """
            WITH RECURSIVE down(id) AS (
                SELECT g.unit_id FROM grants g JOIN accounts a ON a.id = g.account_id
                WHERE g.account_id = @accountId AND a.active AND g.role = ANY(@roles)
                UNION
                SELECT c.id FROM units c JOIN down d ON c.parent_id = d.id
            )
            SELECT id FROM down
            """;
        var ids = await work.Connection.QueryAsync<Guid>(work.Command(
            Sql, new { accountId, roles = roles.ToArray() }, ct));
        return ids.AsList();
    }

    /// <summary>The ancestors (not the units themselves) of every unit on which the account holds any grant.</summary>
    public static async Task<IReadOnlyList<Guid>> AncestorsOfGrantsAsync(DbWork work, Guid accountId, CancellationToken ct)
    {
        const string Sql = """
            WITH RECURSIVE up(id, parent_id) AS (
                SELECT u.id, u.parent_id FROM grants g JOIN units u ON u.id = g.unit_id WHERE g.account_id = @accountId
                UNION
                SELECT p.id, p.parent_id FROM units p JOIN up ON p.id = up.parent_id
            )
            SELECT up.parent_id FROM up WHERE up.parent_id IS NOT NULL
            """;
        var ids = await work.Connection.QueryAsync<Guid>(work.Command(Sql, new { accountId }, ct));
        return ids.Distinct().ToList();
    }
}
