using Hangfire;

namespace Roster.Scheduler.Notifications;

/// <summary>Hands notifications to Hangfire, one job per notification.</summary>
internal sealed class DeliveryQueue(IBackgroundJobClient jobs)
{
    // Each enqueue is its own round trip to Hangfire's storage; a few at once keep a large dispatch pass from queueing
    // behind them (the next pass waits for this one).
    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = 8 };

    public void Enqueue(IReadOnlyCollection<long> notificationIds)
    {
        if (notificationIds.Count <= 1)
        {
            foreach (var id in notificationIds)
            {
                jobs.Enqueue<NotificationDeliveryJob>(j => j.DeliverAsync(id, CancellationToken.None));
            }

            return;
        }

        Parallel.ForEach(notificationIds, Parallelism, id => jobs.Enqueue<NotificationDeliveryJob>(j => j.DeliverAsync(id, CancellationToken.None)));
    }

    public void Schedule(long notificationId, TimeSpan delay) =>
        jobs.Schedule<NotificationDeliveryJob>(j => j.DeliverAsync(notificationId, CancellationToken.None), delay);
}
