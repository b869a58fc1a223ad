using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Roster.Core.Storage.Reminders;
using Roster.Scheduler.Hosting;
using Roster.Scheduler.Notifications;
using Roster.Scheduler.Reminders;
using Roster.Scheduler.Tests.Infrastructure;

namespace Roster.Scheduler.Tests.Reminders;

public sealed class ReminderDispatchJobTests(DbFixture fixture) : IClassFixture<DbFixture>
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 0, 0);

    [Fact]
    public async Task Execute_LastPendingReminderDue_DispatchesItAndEnqueuesItsDelivery()
    {
        // Regression: with nothing left pending after a pass, the "next due" read must not fail and roll the pass back.
        var day = new LocalDate(2027, 3, 2);
        var (start, end) = Seed.DayShift(day);
        var org = await fixture.WorkAsync(async w =>
        {
            var o = await Seed.OrgAsync(w, Now, 1, new LocalDate(2027, 3, 1), new LocalDate(2027, 3, 31));
            var version = await Seed.PublishAsync(w, o, Now, [(Seed.DayKey(day), o.People[0], start, end)]);
            await ReminderPlanner.SyncForVersionAsync(w, version, Now, CancellationToken.None);
            return o;
        });
        var jobs = new RecordingJobClient();
        using var metrics = new MetricsCapture();
        var job = new ReminderDispatchJob(
            fixture.Db, new FakeClock(start - Duration.FromMinutes(30)), new DeliveryQueue(jobs),
            Options.Create(new SchedulerOptions()), metrics.Metrics, NullLogger<ReminderDispatchJob>.Instance);

        await job.Execute(null!, CancellationToken.None);

        var statuses = await fixture.WorkAsync(w => w.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT status FROM reminders WHERE unit_id = @SchoolId AND kind = 'shift'", org, w.Transaction)));
        Assert.All(statuses, s => Assert.Equal("dispatched", s));
        Assert.Equal(2, jobs.Created.Count);
        Assert.All(jobs.Created, j => Assert.Equal(nameof(NotificationDeliveryJob.DeliverAsync), j.Method.Name));
        var sent = statuses.Count();
        Assert.Equal(sent, metrics.Sum("roster.reminders", "outcome", "sent"));
        var lateness = metrics.Measurements.Where(m => m.Instrument == "roster.reminder.lateness").Select(m => m.Value).ToList();
        Assert.Equal(sent, lateness.Count);
        Assert.All(lateness, l => Assert.InRange(l, 0, TimeSpan.FromDays(1).TotalSeconds));
    }
}
