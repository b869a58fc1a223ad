using Dapper;
using NodaTime;
using Roster.Core.Storage.Reminders;
using Roster.Scheduler.Tests.Infrastructure;

namespace Roster.Scheduler.Tests.Reminders;

public sealed class ReminderPlannerTests(DbFixture fixture) : IClassFixture<DbFixture>
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 0, 0);
    private static readonly LocalDate Day1 = new(2026, 12, 3);
    private static readonly LocalDate Day2 = new(2026, 12, 4);

    [Fact]
    public async Task SyncForVersion_Published_PlansShiftRemindersAtOffsetsAndOneHandover()
    {
        var (org, version) = await PublishTwoDaysAsync(overnight: true);

        var reminders = await RemindersAsync(org);

        var shift = reminders.Where(r => r.Kind == "shift").ToList();
        Assert.Equal(4, shift.Count);
        Assert.Contains(shift, r => r.DueAt == Seed.DayShift(Day1).Start - Duration.FromHours(24));
        Assert.Contains(shift, r => r.DueAt == Seed.DayShift(Day1).Start - Duration.FromHours(1));
        var handover = Assert.Single(reminders, r => r.Kind == "handover");
        Assert.Equal(org.People[0], handover.PersonId);
        Assert.All(reminders, r => Assert.Equal("pending", r.Status));
        Assert.All(reminders, r => Assert.Equal(version, r.RosterVersionId));
    }

    [Fact]
    public async Task SyncForVersion_CalledTwice_ChangesNothingTheSecondTime()
    {
        var (org, version) = await PublishTwoDaysAsync(overnight: false);
        var before = await RemindersAsync(org);

        var changed = await fixture.WorkAsync(w => ReminderPlanner.SyncForVersionAsync(w, version, Now, CancellationToken.None));

        Assert.Equal(0, changed);
        Assert.Equal(before.Select(r => (r.Id, r.DueAt, r.Status)), (await RemindersAsync(org)).Select(r => (r.Id, r.DueAt, r.Status)));
    }

    [Fact]
    public async Task SyncForVersion_SwapInNewVersion_CancelsTheOldPersonsAndPlansTheNewOnes()
    {
        var (org, _) = await PublishTwoDaysAsync(overnight: false);
        var (s1, e1) = Seed.DayShift(Day1);
        var (s2, e2) = Seed.DayShift(Day2);

        await fixture.WorkAsync(async w =>
        {
            var v2 = await Seed.PublishAsync(w, org, Now, [(Seed.DayKey(Day1), org.People[2], s1, e1), (Seed.DayKey(Day2), org.People[1], s2, e2)]);
            await ReminderPlanner.SyncForVersionAsync(w, v2, Now, CancellationToken.None);
        });

        var reminders = await RemindersAsync(org);
        Assert.All(reminders.Where(r => r.PersonId == org.People[0]), r => Assert.Equal("cancelled", r.Status));
        Assert.Equal(2, reminders.Count(r => r.PersonId == org.People[2] && r.Status == "pending"));
        Assert.Equal(2, reminders.Count(r => r.PersonId == org.People[1] && r.Status == "pending"));
    }

    [Fact]
    public async Task SyncForVersion_ShiftMoved_MovesTheDueTimesOfTheSameReminders()
    {
        var (org, _) = await PublishTwoDaysAsync(overnight: false);
        var before = await RemindersAsync(org);
        var (s1, e1) = Seed.DayShift(Day1);
        var (s2, e2) = Seed.DayShift(Day2);
        var later = Duration.FromHours(2);

        await fixture.WorkAsync(async w =>
        {
            var v2 = await Seed.PublishAsync(w, org, Now, [(Seed.DayKey(Day1), org.People[0], s1 + later, e1 + later), (Seed.DayKey(Day2), org.People[1], s2, e2)]);
            await ReminderPlanner.SyncForVersionAsync(w, v2, Now, CancellationToken.None);
        });

        var after = await RemindersAsync(org);
        Assert.Equal(before.Select(r => r.Id).Order(), after.Select(r => r.Id).Order());
        var moved = after.Where(r => r.PersonId == org.People[0]).ToList();
        Assert.All(moved, r => Assert.Equal(before.Single(b => b.Id == r.Id).DueAt + later, r.DueAt));
    }

    [Fact]
    public async Task CancelForVersion_Unpublished_CancelsEveryPendingReminder()
    {
        var (org, version) = await PublishTwoDaysAsync(overnight: false);

        var cancelled = await fixture.WorkAsync(w => ReminderPlanner.CancelForVersionAsync(w, version, Now, CancellationToken.None));

        Assert.Equal(4, cancelled);
        Assert.All(await RemindersAsync(org), r => Assert.Equal("cancelled", r.Status));
    }

    [Fact]
    public async Task SyncForVersion_DraftVersion_IsRefused()
    {
        var (org, version) = await PublishTwoDaysAsync(overnight: false);
        await fixture.WorkAsync(w => w.Connection.ExecuteAsync("UPDATE roster_versions SET status = 'draft' WHERE id = @version", new { version }, w.Transaction));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.WorkAsync(w => ReminderPlanner.SyncForVersionAsync(w, version, Now, CancellationToken.None)));
        Assert.NotNull(org);
    }

    /// <summary>Person 0 on day 1, person 1 on day 2; with <paramref name="overnight"/> person 1 takes over at day 1's end instead.</summary>
    private async Task<(Seed.Org Org, Guid Version)> PublishTwoDaysAsync(bool overnight)
    {
        return await fixture.WorkAsync(async w =>
        {
            var org = await Seed.OrgAsync(w, Now, 3, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31));
            var (s1, e1) = Seed.DayShift(Day1);
            var (s2, e2) = overnight ? (e1, e1 + Duration.FromHours(12)) : Seed.DayShift(Day2);
            var version = await Seed.PublishAsync(w, org, Now, [(Seed.DayKey(Day1), org.People[0], s1, e1), (Seed.DayKey(Day2), org.People[1], s2, e2)]);
            await ReminderPlanner.SyncForVersionAsync(w, version, Now, CancellationToken.None);
            return (org, version);
        });
    }

    private Task<List<ReminderRowView>> RemindersAsync(Seed.Org org) => fixture.WorkAsync(async w =>
        (await w.Connection.QueryAsync<ReminderRowView>(new CommandDefinition(
            "SELECT id, kind, person_id, roster_version_id, due_at, status FROM reminders WHERE unit_id = @SchoolId ORDER BY due_at, id",
            org, w.Transaction))).AsList());
}
