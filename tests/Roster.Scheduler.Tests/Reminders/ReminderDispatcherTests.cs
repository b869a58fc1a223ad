using Dapper;
using NodaTime;
using Roster.Core.Storage;
using Roster.Core.Storage.Reminders;
using Roster.Scheduler.Tests.Infrastructure;

namespace Roster.Scheduler.Tests.Reminders;

public sealed class ReminderDispatcherTests(DbFixture fixture) : IClassFixture<DbFixture>
{
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 1, 0, 0);

    [Fact]
    public async Task DispatchDue_ShiftNotStarted_WritesInboxAndEmailOnceAndMarksDispatched()
    {
        var (org, start) = await PublishAsync(new LocalDate(2027, 1, 2));
        var dueAt = start - Duration.FromHours(1);

        var first = await fixture.WorkAsync(w => ReminderDispatcher.DispatchDueAsync(w, dueAt, 1000, CancellationToken.None));
        var second = await fixture.WorkAsync(w => ReminderDispatcher.DispatchDueAsync(w, dueAt + Duration.FromMinutes(1), 1000, CancellationToken.None));

        Assert.Equal(2, first.Dispatched);
        Assert.Equal(2, first.NotificationIds.Count);
        Assert.Equal(0, second.Dispatched + second.Missed);
        var rows = await NotificationsAsync(org);
        Assert.Equal(4, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Channel == "inbox" && r.Status == "sent"));
        Assert.Equal(2, rows.Count(r => r.Channel == "email" && r.Status == "pending"));
        Assert.All(rows, r => Assert.Contains("值班提醒", r.Body, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("08:00", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DispatchDue_ShiftAlreadyStarted_RecordsMissedAndSendsNothing()
    {
        var (org, start) = await PublishAsync(new LocalDate(2027, 1, 5));

        var result = await fixture.WorkAsync(w => ReminderDispatcher.DispatchDueAsync(w, start + Duration.FromMinutes(5), 1000, CancellationToken.None));

        Assert.Equal(2, result.Missed);
        Assert.Empty(await NotificationsAsync(org));
        var statuses = await fixture.WorkAsync(w => w.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT status FROM reminders WHERE unit_id = @SchoolId AND kind = 'shift'", org, w.Transaction)));
        Assert.All(statuses, s => Assert.Equal("missed", s));
    }

    [Fact]
    public async Task DispatchDue_TwoSchedulersAtOnce_EachReminderIsClaimedByOne()
    {
        var (org, start) = await PublishAsync(new LocalDate(2027, 1, 8), people: 40);
        await using var a = await DbWork.BeginAsync(fixture.Db, CancellationToken.None);
        await using var b = await DbWork.BeginAsync(fixture.Db, CancellationToken.None);

        var ra = await ReminderDispatcher.DispatchDueAsync(a, start - Duration.FromMinutes(30), 50, CancellationToken.None);
        var rb = await ReminderDispatcher.DispatchDueAsync(b, start - Duration.FromMinutes(30), 50, CancellationToken.None);
        await a.CommitAsync(CancellationToken.None);
        await b.CommitAsync(CancellationToken.None);

        Assert.Equal(80, ra.Dispatched + rb.Dispatched);
        Assert.True(ra.Dispatched > 0 && rb.Dispatched > 0);
        var keys = (await NotificationsAsync(org)).Select(n => n.IdempotencyKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(160, keys.Count);
    }

    private async Task<(Seed.Org Org, Instant Start)> PublishAsync(LocalDate day, int people = 1)
    {
        var (start, end) = Seed.DayShift(day);
        var org = await fixture.WorkAsync(async w =>
        {
            var o = await Seed.OrgAsync(w, Now, people, new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 31));
            // Each person in their own slot of the same day (distinct keys), so the roster has `people` assignments.
            var version = await Seed.PublishAsync(w, o, Now, o.People.Select((p, i) => (Seed.DayKey(day) + "/" + i, p, start, end)));
            await ReminderPlanner.SyncForVersionAsync(w, version, Now, CancellationToken.None);
            return o;
        });
        return (org, start);
    }

    private Task<List<NotificationView>> NotificationsAsync(Seed.Org org) => fixture.WorkAsync(async w =>
        (await w.Connection.QueryAsync<NotificationView>(new CommandDefinition(
            "SELECT id, idempotency_key, channel, status, body FROM notifications WHERE unit_id = @SchoolId ORDER BY id",
            org, w.Transaction))).AsList());
}
