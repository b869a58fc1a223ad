using NodaTime;
using Roster.Core.Storage;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Reminders;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>
/// What must follow any change to what is published, in the same transaction: reminders move to the new version's
/// assignments, and gaps are re-checked (opened once, notified once, closed when resolved).
/// </summary>
internal static class PublishedRosterChanges
{
    public static async Task AfterPublishAsync(DbWork work, RosterVersionRow published, Instant now, CancellationToken ct)
    {
        await ReminderPlanner.SyncForVersionAsync(work, published.Id, now, ct).ConfigureAwait(false);
        await GapDetector.DetectAsync(work, published.UnitId, published.PeriodId, now, ct).ConfigureAwait(false);
    }

    /// <summary>After a fact about people changed (leave approved, deactivated, role lost): re-check every published roster of the unit.</summary>
    public static async Task AfterPeopleChangedAsync(DbWork work, Guid unitId, Instant now, CancellationToken ct)
    {
        foreach (var periodId in await RosterStore.PublishedPeriodsOfUnitAsync(work, unitId, ct).ConfigureAwait(false))
        {
            await GapDetector.DetectAsync(work, unitId, periodId, now, ct).ConfigureAwait(false);
        }
    }
}
