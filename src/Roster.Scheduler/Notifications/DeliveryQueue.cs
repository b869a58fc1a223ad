using Hangfire;

namespace Roster.Scheduler.Notifications;

/// <summary>Hands notifications to Hangfire, one job per notification.</summary>
internal sealed class DeliveryQueue(IBackgroundJobClient jobs)
{
    public void Enqueue(IEnumerable<long> notificationIds)
    {
        foreach (var id in notificationIds)
        {
            jobs.Enqueue<NotificationDeliveryJob>(j => j.DeliverAsync(id, CancellationToken.None));
        }
    }

    public void Schedule(long notificationId, TimeSpan delay) =>
        jobs.Schedule<NotificationDeliveryJob>(j => j.DeliverAsync(notificationId, CancellationToken.None), delay);
}
