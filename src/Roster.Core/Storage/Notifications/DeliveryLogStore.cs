using Dapper;

namespace Roster.Core.Storage.Notifications;

/// <summary>The delivery log: outgoing notifications (email and webhooks) of some units, newest first.</summary>
public static class DeliveryLogStore
{
    public static async Task<IReadOnlyList<DeliveryRow>> ListAsync(
        DbWork work, IReadOnlyCollection<Guid> units, string? status, long? before, int limit, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<DeliveryRow>(work.Command("""
            SELECT n.id, n.unit_id, n.channel, n.reason, n.idempotency_key, COALESCE(w.name, n.address) AS recipient, n.status,
                   n.attempts, n.due_at, n.sent_at, n.last_error,
                   COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'succeeded', a.succeeded,
                                 'detail', a.detail, 'instance', a.instance) ORDER BY a.attempt)
                             FROM notification_attempts a WHERE a.notification_id = n.id), '[]')::text AS attempt_log
            FROM notifications n LEFT JOIN webhook_targets w ON w.id = n.webhook_target_id
            WHERE n.unit_id = ANY(@units) AND n.channel <> 'inbox' AND (@status::text IS NULL OR n.status = @status)
              AND (@before::bigint IS NULL OR n.id < @before)
            ORDER BY n.id DESC LIMIT @limit
            """, new { units = units.ToArray(), status, before, limit }, ct));
        return rows.AsList();
    }
}
