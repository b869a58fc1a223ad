using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Notifications;

/// <summary>
/// The delivery side of the outbox. A delivery holds the row lock from claim to outcome, so two workers never send the
/// same notification at once; a crashed worker's lock dies with its connection and the row is claimable again.
/// </summary>
public static class NotificationDeliveryStore
{
    /// <summary>Locks the notification if it is still pending and nobody else holds it; null otherwise.</summary>
    public static Task<ClaimedNotification?> ClaimAsync(DbWork work, long id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<ClaimedNotification>(work.Command("""
            SELECT n.id, n.idempotency_key, n.unit_id, n.channel, n.reason, n.address, n.title, n.body, n.data::text AS data, n.attempts,
                   n.due_at, w.url, w.format, w.secret, w.active AS target_active
            FROM notifications n LEFT JOIN webhook_targets w ON w.id = n.webhook_target_id
            WHERE n.id = @id AND n.status = 'pending'
            FOR UPDATE OF n SKIP LOCKED
            """, new { id }, ct));

    public static Task RecordAttemptAsync(
        DbWork work, long id, int attempt, Instant at, bool succeeded, string? detail, string instance, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO notification_attempts (notification_id, attempt, at, succeeded, detail, instance)
            VALUES (@id, @attempt, @at, @succeeded, @detail, @instance)
            """, new { id, attempt, at, succeeded, detail = Trim(detail), instance }, ct));

    public static Task MarkSentAsync(DbWork work, long id, int attempts, Instant at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE notifications SET status = 'sent', attempts = @attempts, sent_at = @at, last_error = NULL WHERE id = @id",
            new { id, attempts, at }, ct));

    /// <summary>Schedules another attempt; the relay treats the row as enqueued until <paramref name="nextAt"/>.</summary>
    public static Task MarkRetryAsync(DbWork work, long id, int attempts, Instant nextAt, string error, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE notifications SET attempts = @attempts, next_attempt_at = @nextAt, enqueued_at = @nextAt, last_error = @error
            WHERE id = @id
            """, new { id, attempts, nextAt, error = Trim(error) }, ct));

    public static Task MarkFailedAsync(DbWork work, long id, int attempts, string error, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE notifications SET status = 'failed', attempts = @attempts, last_error = @error WHERE id = @id",
            new { id, attempts, error = Trim(error) }, ct));

    /// <summary>
    /// Pending notifications that no delivery job is known to hold: never enqueued (written by a cause that has no queue
    /// at hand), or enqueued before <paramref name="staleBefore"/> and still pending (the job was lost with a crashed
    /// process). Marks them enqueued now and returns their ids.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ClaimForRelayAsync(DbWork work, Instant now, Instant staleBefore, int limit, CancellationToken ct)
    {
        var ids = await work.Connection.QueryAsync<long>(work.Command("""
            WITH c AS (
                SELECT id FROM notifications
                WHERE status = 'pending' AND next_attempt_at <= @now AND (enqueued_at IS NULL OR enqueued_at <= @staleBefore)
                ORDER BY next_attempt_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED
            )
            UPDATE notifications n SET enqueued_at = @now FROM c WHERE n.id = c.id
            RETURNING n.id
            """, new { now, staleBefore, limit }, ct));
        return ids.AsList();
    }

    private static string? Trim(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
