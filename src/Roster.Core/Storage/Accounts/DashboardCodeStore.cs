using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Accounts;

/// <summary>One-time codes for the scheduler dashboard (hashes only).</summary>
public static class DashboardCodeStore
{
    public static Task InsertAsync(DbWork work, byte[] codeHash, Guid accountId, Instant now, Instant expiresAt, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            DELETE FROM dashboard_codes WHERE expires_at < @now;
            INSERT INTO dashboard_codes (code_hash, account_id, created_at, expires_at) VALUES (@codeHash, @accountId, @now, @expiresAt)
            """, new { codeHash, accountId, now, expiresAt }, ct));

    /// <summary>Marks the code used and returns its account; null when it is unknown, used already or expired.</summary>
    public static Task<Guid?> RedeemAsync(DbWork work, byte[] codeHash, Instant now, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<Guid?>(work.Command("""
            UPDATE dashboard_codes SET used_at = @now
            WHERE code_hash = @codeHash AND used_at IS NULL AND expires_at > @now
            RETURNING account_id
            """, new { codeHash, now }, ct));
}
