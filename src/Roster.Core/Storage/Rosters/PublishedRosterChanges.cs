using NodaTime;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Reminders;

namespace Roster.Core.Storage.Rosters;

/// <summary>
/// What must follow any change to what is published, in the same transaction: reminders move to the new version's
/// assignments, open swap offers on slots that changed hands are cancelled, and gaps are re-checked (opened once, notified once, closed when resolved) up to the period's end, so
/// a change shows its gaps at once however far ahead they lie (the minute scan only looks a few days ahead).
/// </summary>
public static class PublishedRosterChanges
{
    public static async Task AfterPublishAsync(DbWork work, RosterVersionRow published, Instant now, CancellationToken ct)
    {
        await ReminderPlanner.SyncForVersionAsync(work, published.Id, now, ct);
        await SwapStore.CancelStaleAsync(work, published.PeriodId, published.UnitId, published.Id, now, ct);
        await DetectToPeriodEndAsync(work, published.UnitId, published.PeriodId, now, ct);
    }

    /// <summary>After a fact about people changed (leave approved, deactivated, role lost): re-check every published roster of the unit.</summary>
    public static async Task AfterPeopleChangedAsync(DbWork work, Guid unitId, Instant now, CancellationToken ct)
    {
        foreach (var periodId in await RosterStore.PublishedPeriodsOfUnitAsync(work, unitId, ct))
        {
            await DetectToPeriodEndAsync(work, unitId, periodId, now, ct);
            // A leave or a lost qualification opens gaps the unit's standby may fill at once (when the unit lets it).
            await StandbyStepIn.RunAsync(work, unitId, periodId, now, ct);
        }
    }

    private static async Task DetectToPeriodEndAsync(DbWork work, Guid unitId, Guid periodId, Instant now, CancellationToken ct)
    {
        var period = await PeriodStore.FindAsync(work, periodId, ct);
        // Two days past the last day covers a night shift that ends after it, in any zone.
        var end = period is null ? now : period.LastDay.PlusDays(2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var horizon = Duration.Max(GapDetector.DefaultHorizon, end - now);
        await GapDetector.DetectAsync(work, unitId, periodId, now, ct, horizon);
    }
}
