using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Accounts;

/// <summary>
/// Counts sign-in attempts per key in fixed windows, shared by every API process on the database. An attempt is counted
/// before the password is looked at, in one atomic upsert per key, so a parallel burst cannot slip past the limit.
/// </summary>
public static class SignInAttemptStore
{
    /// <summary>
    /// Counts one attempt under each key (in the given order; callers pass them sorted, so that two bursts never wait on
    /// each other's rows in opposite orders) and returns each key's count and window start after counting.
    /// A window older than <paramref name="window"/> starts again at one.
    /// </summary>
    public static async Task<IReadOnlyList<AttemptCount>> CountAsync(
        DbWork work, IReadOnlyList<string> keys, Instant now, Duration window, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO sign_in_attempts AS s (key, window_start, attempts)
            SELECT k, @now, 1 FROM unnest(@keys) WITH ORDINALITY AS t(k, n) ORDER BY n
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN s.window_start <= @now - @window THEN 1 ELSE s.attempts + 1 END,
                window_start = CASE WHEN s.window_start <= @now - @window THEN @now ELSE s.window_start END
            RETURNING s.key, s.window_start, s.attempts
            """;
        var rows = await work.Connection.QueryAsync<AttemptCount>(work.Command(
            Sql, new { keys = keys.ToArray(), now, window }, ct));
        return rows.AsList();
    }

    /// <summary>A successful sign-in: forgets the username-at-address key and takes the attempt back from the address key.</summary>
    public static Task SucceededAsync(DbWork work, string pairKey, string addressKey, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            DELETE FROM sign_in_attempts WHERE key = @pairKey;
            UPDATE sign_in_attempts SET attempts = GREATEST(attempts - 1, 0) WHERE key = @addressKey;
            """, new { pairKey, addressKey }, ct));

    /// <summary>
    /// Deletes up to <paramref name="batch"/> rows whose window ended before <paramref name="cutoff"/>. Called on every
    /// sign-in attempt, so the table never holds much more than the windows still running.
    /// </summary>
    public static Task<int> PruneAsync(DbWork work, Instant cutoff, int batch, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            DELETE FROM sign_in_attempts WHERE ctid IN (
                SELECT ctid FROM sign_in_attempts WHERE window_start < @cutoff LIMIT @batch FOR UPDATE SKIP LOCKED)
            """, new { cutoff, batch }, ct));
}
