using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Accounts;

/// <summary>Accounts and their grants.</summary>
public static class AccountStore
{
    private const string Columns = """
        id, username, password_hash, display_name, person_id, active, version, session_version,
        password_change_required, previous_password_hashes, created_at
        """;

    /// <summary>How many earlier passwords a new password may not repeat (besides the current one).</summary>
    public const int RememberedPasswords = 3;

    /// <summary>The account of a username, ignoring case.</summary>
    public static Task<AccountRow?> FindByUsernameAsync(DbWork work, string username, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AccountRow>(work.Command(
            $"SELECT {Columns} FROM accounts WHERE lower(username) = lower(@username)", new { username }, ct));

    public static Task<AccountRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AccountRow>(work.Command(
            $"SELECT {Columns} FROM accounts WHERE id = @id", new { id }, ct));

    /// <summary>Locks the account row until the transaction ends (password changes, grant replacement).</summary>
    public static Task<AccountRow?> FindForUpdateAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AccountRow>(work.Command(
            $"SELECT {Columns} FROM accounts WHERE id = @id FOR UPDATE", new { id }, ct));

    public static Task<Guid> InsertAsync(
        DbWork work, string username, string passwordHash, string displayName, Guid? personId, Instant now, CancellationToken ct) =>
        InsertAsync(work, new NewAccount(username, passwordHash, displayName, personId, PasswordChangeRequired: false), now, ct);

    public static Task<Guid> InsertAsync(DbWork work, NewAccount account, Instant now, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<Guid>(work.Command("""
            INSERT INTO accounts (username, password_hash, display_name, person_id, password_change_required, created_at)
            VALUES (@Username, @PasswordHash, @DisplayName, @PersonId, @PasswordChangeRequired, @now)
            RETURNING id
            """, new { account.Username, account.PasswordHash, account.DisplayName, account.PersonId, account.PasswordChangeRequired, now }, ct));

    /// <summary>Rehashes the same password (a stronger hash format); sessions stay valid.</summary>
    public static Task UpdatePasswordHashAsync(DbWork work, Guid id, string passwordHash, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE accounts SET password_hash = @passwordHash WHERE id = @id", new { id, passwordHash }, ct));

    /// <summary>
    /// Sets a new password, remembers the old hash, and ends every session of the account (the session version moves on).
    /// <paramref name="changeRequired"/> marks a one-time password.
    /// </summary>
    public static Task<AccountRow> SetPasswordAsync(
        DbWork work, Guid id, string passwordHash, bool changeRequired, Instant now, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<AccountRow>(work.Command($"""
            UPDATE accounts SET
                previous_password_hashes = (ARRAY[password_hash] || previous_password_hashes)[1:{RememberedPasswords}],
                password_hash = @passwordHash,
                password_change_required = @changeRequired,
                password_changed_at = @now,
                session_version = session_version + 1,
                version = version + 1
            WHERE id = @id
            RETURNING {Columns}
            """, new { id, passwordHash, changeRequired, now }, ct));

    /// <summary>
    /// Changes name, person and active flag when the version still matches; null when it does not (a stale ETag).
    /// Deactivating ends every session of the account.
    /// </summary>
    public static Task<AccountRow?> UpdateAsync(
        DbWork work, Guid id, int version, string displayName, Guid? personId, bool active, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AccountRow>(work.Command($"""
            UPDATE accounts SET
                display_name = @displayName,
                person_id = @personId,
                session_version = session_version + CASE WHEN active AND NOT @active THEN 1 ELSE 0 END,
                active = @active,
                version = version + 1
            WHERE id = @id AND version = @version
            RETURNING {Columns}
            """, new { id, version, displayName, personId, active }, ct));

    /// <summary>Marks a change of the account's grants in its version (the ETag covers the grants).</summary>
    public static Task<AccountRow> TouchAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<AccountRow>(work.Command(
            $"UPDATE accounts SET version = version + 1 WHERE id = @id RETURNING {Columns}", new { id }, ct));

    /// <summary>The session version and state a token is checked against; null when the account does not exist.</summary>
    public static Task<SessionState?> SessionAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SessionState>(work.Command(
            "SELECT session_version, active FROM accounts WHERE id = @id", new { id }, ct));

    public static Task GrantAsync(DbWork work, Guid accountId, Guid unitId, string role, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO grants (account_id, unit_id, role) VALUES (@accountId, @unitId, @role)
            ON CONFLICT DO NOTHING
            """, new { accountId, unitId, role }, ct));

    /// <summary>Replaces all grants of the account with <paramref name="grants"/>.</summary>
    public static async Task ReplaceGrantsAsync(DbWork work, Guid accountId, IReadOnlyCollection<GrantRow> grants, CancellationToken ct)
    {
        await work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM grants WHERE account_id = @accountId", new { accountId }, ct));
        await work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO grants (account_id, unit_id, role)
            SELECT @accountId, g.unit_id, g.role FROM unnest(@units, @roles) AS g(unit_id, role)
            ON CONFLICT DO NOTHING
            """, new { accountId, units = grants.Select(g => g.UnitId).ToArray(), roles = grants.Select(g => g.Role).ToArray() }, ct));
    }

    public static async Task<IReadOnlyList<GrantRow>> GrantsAsync(DbWork work, Guid accountId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<GrantRow>(work.Command(
            "SELECT unit_id, role FROM grants WHERE account_id = @accountId ORDER BY role, unit_id",
            new { accountId }, ct));
        return rows.AsList();
    }

    /// <summary>The grants of several accounts, for a page of a list.</summary>
    public static async Task<ILookup<Guid, GrantRow>> GrantsOfAsync(DbWork work, IReadOnlyCollection<Guid> accountIds, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<AccountGrantRow>(work.Command(
            "SELECT account_id, unit_id, role FROM grants WHERE account_id = ANY(@ids) ORDER BY role, unit_id",
            new { ids = accountIds.ToArray() }, ct));
        return rows.ToLookup(r => r.AccountId, r => new GrantRow { UnitId = r.UnitId, Role = r.Role });
    }

    /// <summary>
    /// Accounts that an administrator of <paramref name="administered"/> manages, in id order after a cursor: every grant
    /// and the linked person inside those units, and at least one of them there. With <paramref name="unitId"/>, only
    /// accounts with a grant on that unit or a person in it.
    /// </summary>
    public static async Task<IReadOnlyList<AccountRow>> ListManagedAsync(
        DbWork work, IReadOnlyCollection<Guid> administered, Guid? unitId, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM accounts a
            WHERE (@after::uuid IS NULL OR a.id > @after)
              AND {ManagedCondition}
              AND (@unitId::uuid IS NULL
                   OR EXISTS (SELECT 1 FROM grants g WHERE g.account_id = a.id AND g.unit_id = @unitId)
                   OR EXISTS (SELECT 1 FROM people p WHERE p.id = a.person_id AND p.unit_id = @unitId))
            ORDER BY a.id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<AccountRow>(work.Command(
            Sql, new { administered = administered.ToArray(), unitId, after, limit }, ct));
        return rows.AsList();
    }

    /// <summary>True when an administrator of <paramref name="administered"/> manages the account (see <see cref="ListManagedAsync"/>).</summary>
    public static Task<bool> IsManagedAsync(DbWork work, Guid id, IReadOnlyCollection<Guid> administered, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<bool>(work.Command(
            $"SELECT EXISTS (SELECT 1 FROM accounts a WHERE a.id = @id AND {ManagedCondition})",
            new { id, administered = administered.ToArray() }, ct));

    private const string ManagedCondition = """
        NOT EXISTS (SELECT 1 FROM grants g WHERE g.account_id = a.id AND g.unit_id <> ALL(@administered))
        AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = a.person_id AND p.unit_id <> ALL(@administered))
        AND (EXISTS (SELECT 1 FROM grants g WHERE g.account_id = a.id)
             OR EXISTS (SELECT 1 FROM people p WHERE p.id = a.person_id))
        """;
}
