using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Quartz;
using Roster.Core.Storage;
using Roster.Core.Storage.Reminders;
using Roster.Scheduler.Hosting;
using Roster.Scheduler.Notifications;
using Roster.Scheduler.Observability;

namespace Roster.Scheduler.Reminders;

/// <summary>
/// Quartz's thin scan: turns due reminders into notifications and hands them to Hangfire. "Due" is decided by the
/// injected clock; claims use SKIP LOCKED, so a second node (or an overlapping run) never takes the same reminder.
/// </summary>
/// <remarks>
/// One firing covers one interval: between passes it waits for the next due time inside the interval, so a reminder
/// goes out within tens of milliseconds of its time rather than up to a whole interval late.
/// </remarks>
[DisallowConcurrentExecution]
internal sealed partial class ReminderDispatchJob(
    NpgsqlDataSource db, IClock clock, DeliveryQueue queue, IOptions<SchedulerOptions> options, RosterMetrics metrics,
    ILogger<ReminderDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder-dispatch", "roster");

    private static readonly Duration Slack = Duration.FromMilliseconds(100);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await DispatchAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Quartz best practice: nothing escapes Execute; the next firing tries again (claims are transactional).
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder dispatch failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.DispatchBatch;
        var windowEnd = clock.GetCurrentInstant() + Duration.FromTimeSpan(options.Value.DispatchInterval) - Slack;
        while (!cancellationToken.IsCancellationRequested)
        {
            DispatchResult result;
            Instant? next;
            await using (var work = await DbWork.BeginAsync(db, cancellationToken))
            {
                result = await ReminderDispatcher.DispatchDueAsync(work, clock.GetCurrentInstant(), batch, cancellationToken);
                // No row (rather than a NULL min) when nothing is pending: Dapper's Instant handler cannot read a NULL.
                next = (await work.Connection.QueryAsync<Instant>(work.Command(
                    "SELECT due_at FROM reminders WHERE status = 'pending' ORDER BY due_at LIMIT 1", null, cancellationToken)))
                    .Select(i => (Instant?)i).FirstOrDefault();
                await work.CommitAsync(cancellationToken);
            }

            // After commit: a job must never see a notification that may still roll back. If this process dies here,
            // the relay enqueues the rows once they are stale.
            queue.Enqueue(result.NotificationIds);
            metrics.RemindersDispatched(result.Missed, result.Lateness);
            if (result.Dispatched + result.Missed >= batch)
            {
                continue;
            }

            var now = clock.GetCurrentInstant();
            if (next is not { } due || due >= windowEnd)
            {
                return;
            }

            if (due > now)
            {
                await Task.Delay((due - now).ToTimeSpan(), cancellationToken);
            }
        }
    }
}
