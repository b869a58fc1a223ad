using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Idempotency;

/// <summary>Idempotency keys of creating requests and the answers given to them.</summary>
public static class IdempotentRequestStore
{
    private const string Columns = "account_id, key, fingerprint, created_at, status, content_type, location, body";

    /// <summary>
    /// Claims the key for a new request: true when this call inserted it. Rows older than <paramref name="staleBefore"/>
    /// (expired answers), or still unanswered since <paramref name="abandonedBefore"/> (a crash mid-request), are replaced.
    /// </summary>
    public static async Task<bool> ClaimAsync(
        DbWork work, Guid accountId, string key, byte[] fingerprint, Instant now, Instant staleBefore, Instant abandonedBefore, CancellationToken ct)
    {
        await work.Connection.ExecuteAsync(work.Command("""
            DELETE FROM idempotent_requests
            WHERE (account_id = @accountId AND key = @key AND (created_at < @staleBefore OR (status IS NULL AND created_at < @abandonedBefore)))
               OR created_at < @staleBefore - interval '1 hour'
            """, new { accountId, key, staleBefore, abandonedBefore }, ct));
        var inserted = await work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO idempotent_requests (account_id, key, fingerprint, created_at) VALUES (@accountId, @key, @fingerprint, @now)
            ON CONFLICT (account_id, key) DO NOTHING
            """, new { accountId, key, fingerprint, now }, ct));
        return inserted == 1;
    }

    public static Task<IdempotentRequestRow?> FindAsync(DbWork work, Guid accountId, string key, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<IdempotentRequestRow>(work.Command(
            $"SELECT {Columns} FROM idempotent_requests WHERE account_id = @accountId AND key = @key", new { accountId, key }, ct));

    public static Task CompleteAsync(
        DbWork work, Guid accountId, string key, int status, string? contentType, string? location, byte[] body, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE idempotent_requests SET status = @status, content_type = @contentType, location = @location, body = @body
            WHERE account_id = @accountId AND key = @key
            """, new { accountId, key, status, contentType, location, body }, ct));

    public static Task ReleaseAsync(DbWork work, Guid accountId, string key, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM idempotent_requests WHERE account_id = @accountId AND key = @key AND status IS NULL", new { accountId, key }, ct));
}
