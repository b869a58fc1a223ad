using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Quartz;
using Roster.Core.Storage;
using Roster.Core.Storage.Reminders;
using Roster.Scheduler.Hosting;
using Roster.Scheduler.Notifications;

namespace Roster.Scheduler.Reminders;

/// <summary>
/// Quartz's thin scan: turns due reminders into notifications and hands them to Hangfire. "Due" is decided by the
/// injected clock; claims use SKIP LOCKED, so a second node (or an overlapping run) never takes the same reminder.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReminderDispatchJob(NpgsqlDataSource db, IClock clock, DeliveryQueue queue, IOptions<SchedulerOptions> options) : IJob
{
    public static readonly JobKey Key = new("reminder-dispatch", "roster");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var batch = options.Value.DispatchBatch;
        while (!cancellationToken.IsCancellationRequested)
        {
            DispatchResult result;
            await using (var work = await DbWork.BeginAsync(db, cancellationToken).ConfigureAwait(false))
            {
                result = await ReminderDispatcher.DispatchDueAsync(work, clock.GetCurrentInstant(), batch, cancellationToken).ConfigureAwait(false);
                await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            // After commit: a job must never see a notification that may still roll back. If this process dies here,
            // the relay enqueues the rows once they are stale.
            queue.Enqueue(result.NotificationIds);
            if (result.Dispatched + result.Missed < batch)
            {
                return;
            }
        }
    }
}
