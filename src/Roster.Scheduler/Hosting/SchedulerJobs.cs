using Quartz;
using Roster.Scheduler.Duty;
using Roster.Scheduler.Gaps;
using Roster.Scheduler.Notifications;
using Roster.Scheduler.Reminders;

namespace Roster.Scheduler.Hosting;

/// <summary>The Quartz jobs and their trigger keys, for the API that shows next fire times.</summary>
public static class SchedulerJobs
{
    public static readonly IReadOnlyList<(string Name, JobKey Job, TriggerKey Trigger)> All =
    [
        ("reminder-dispatch", ReminderDispatchJob.Key, new TriggerKey("reminder-dispatch", "roster")),
        ("outbox-relay", OutboxRelayJob.Key, new TriggerKey("outbox-relay", "roster")),
        ("gap-scan", GapScanJob.Key, new TriggerKey("gap-scan", "roster")),
        ("duty-watch", DutyWatchJob.Key, new TriggerKey("duty-watch", "roster")),
    ];
}
