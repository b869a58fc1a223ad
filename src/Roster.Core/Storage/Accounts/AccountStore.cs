using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Accounts;

/// <summary>Accounts and their grants.</summary>
public static class AccountStore
{
    private const string Columns = "id, username, password_hash, display_name, person_id, active";

    public static Task<AccountRow?> FindByUsernameAsync(DbWork work, string username, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AccountRow>(work.Command(
            $"SELECT {Columns} FROM accounts WHERE username = @username", new { username }, ct));

    public static Task<AccountRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AccountRow>(work.Command(
            $"SELECT {Columns} FROM accounts WHERE id = @id", new { id }, ct));

    public static Task<Guid> InsertAsync(
        DbWork work, string username, string passwordHash, string displayName, Guid? personId, Instant now, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<Guid>(work.Command("""
            INSERT INTO accounts (username, password_hash, display_name, person_id, created_at)
            VALUES (@username, @passwordHash, @displayName, @personId, @now)
            RETURNING id
            """, new { username, passwordHash, displayName, personId, now }, ct));

    public static Task UpdatePasswordHashAsync(DbWork work, Guid id, string passwordHash, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE accounts SET password_hash = @passwordHash WHERE id = @id", new { id, passwordHash }, ct));

    public static Task GrantAsync(DbWork work, Guid accountId, Guid unitId, string role, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO grants (account_id, unit_id, role) VALUES (@accountId, @unitId, @role)
            ON CONFLICT DO NOTHING
            """, new { accountId, unitId, role }, ct));

    public static async Task<IReadOnlyList<GrantRow>> GrantsAsync(DbWork work, Guid accountId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<GrantRow>(work.Command(
            "SELECT unit_id, role FROM grants WHERE account_id = @accountId ORDER BY role, unit_id",
            new { accountId }, ct)).ConfigureAwait(false);
        return rows.AsList();
    }
}
