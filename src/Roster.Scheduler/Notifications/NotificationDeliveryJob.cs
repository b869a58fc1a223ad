using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Roster.Core.Notifications;
using Roster.Core.Storage;
using Roster.Core.Storage.Notifications;
using Roster.Scheduler.Hosting;
using Roster.Scheduler.Observability;

namespace Roster.Scheduler.Notifications;

/// <summary>
/// Hangfire's job for one notification: claim it (row lock, skip if taken), send it, record the attempt, and mark it
/// sent, or schedule the next attempt with backoff, or mark it failed after the last one — all in one transaction, so
/// a crash before commit leaves it pending and it is sent again under the same idempotency key.
/// </summary>
internal sealed partial class NotificationDeliveryJob(
    NpgsqlDataSource db, IClock clock, EmailChannel email, WebhookChannel webhook, DeliveryQueue queue,
    IOptions<SchedulerOptions> options, SchedulerInstance instance, RosterMetrics metrics, ILogger<NotificationDeliveryJob> logger)
{
    // Channel failures are retried by our own schedule (below); this only covers the database being unreachable.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public async Task DeliverAsync(long notificationId, CancellationToken ct)
    {
        TimeSpan? retryIn = null;
        await using (var work = await DbWork.BeginAsync(db, ct))
        {
            var n = await NotificationDeliveryStore.ClaimAsync(work, notificationId, ct);
            if (n is null)
            {
                return;
            }

            var attempt = n.Attempts + 1;
            var outcome = n.Channel switch
            {
                NotificationChannels.Email => await email.SendAsync(n, ct),
                NotificationChannels.Webhook => await webhook.SendAsync(n, ct),
                _ => DeliveryOutcome.Ok("inbox"),
            };
            var now = clock.GetCurrentInstant();
            await NotificationDeliveryStore.RecordAttemptAsync(work, n.Id, attempt, now, outcome.Succeeded, outcome.Detail, instance.Name, ct);
            if (outcome.Succeeded)
            {
                await NotificationDeliveryStore.MarkSentAsync(work, n.Id, attempt, now, ct);
            }
            else if (attempt >= options.Value.MaxAttempts)
            {
                LogGaveUp(logger, n.Id, attempt, outcome.Detail);
                await NotificationDeliveryStore.MarkFailedAsync(work, n.Id, attempt, outcome.Detail, ct);
            }
            else
            {
                var delay = options.Value.RetryDelay(attempt);
                await NotificationDeliveryStore.MarkRetryAsync(work, n.Id, attempt, now + Duration.FromTimeSpan(delay), outcome.Detail, ct);
                retryIn = delay;
            }

            await work.CommitAsync(ct);
            metrics.DeliveryAttempted(n.Channel, outcome.Succeeded, gaveUp: !outcome.Succeeded && retryIn is null);
        }

        if (retryIn is { } wait)
        {
            queue.Schedule(notificationId, wait);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id} failed after {Attempts} attempts: {Detail}")]
    private static partial void LogGaveUp(ILogger logger, long id, int attempts, string detail);
}
