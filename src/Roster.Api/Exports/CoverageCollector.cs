using NodaTime;
using Roster.Core.Storage.Gaps;
using Roster.Core.Calendars;
using Roster.Core.Model;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.Exports;

/// <summary>Counts, per unit and day, the slots the critical periods require and those the published rosters fill.</summary>
internal static class CoverageCollector
{
    /// <summary>One entry per unit and date of <paramref name="days"/> (inclusive at both ends), units in the order given.</summary>
    public static async Task<IReadOnlyList<CoverageDay>> CollectAsync(
        DbWork work, IReadOnlyList<UnitRow> units, DateInterval days, CancellationToken ct)
    {
        var result = new List<CoverageDay>();
        foreach (var unit in units)
        {
            var required = new Dictionary<LocalDate, int>();
            var filled = new Dictionary<LocalDate, int>();
            HolidayCalendar? calendar = null;
            var ancestors = await UnitStore.AncestorsAndSelfAsync(work, unit.Id, ct);
            var periods = await PeriodStore.ListAsync(work, [.. ancestors], null, 10_000, ct);
            foreach (var period in periods.Where(p => p.FirstDay <= days.End && p.LastDay >= days.Start))
            {
                var range = new DateInterval(Max(period.FirstDay, days.Start), Min(period.LastDay, days.End));
                var (slots, periodCalendar) = await RequiredSlots.ExpandAsync(work, period, unit, range, ct);
                calendar ??= periodCalendar;
                var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, "published", ct);
                var taken = published is null
                    ? []
                    : (await AssignmentStore.OfVersionOnDatesAsync(work, published.Id, range.Start, range.End, ct))
                        .Select(a => a.SlotKey).ToHashSet(StringComparer.Ordinal);
                foreach (var slot in slots)
                {
                    required[slot.Date] = required.GetValueOrDefault(slot.Date) + 1;
                    filled[slot.Date] = filled.GetValueOrDefault(slot.Date) + (taken.Contains(slot.Key) ? 1 : 0);
                }
            }

            foreach (var date in days)
            {
                DayType? type = calendar?.DayTypeOf(date);
                result.Add(new CoverageDay(unit, date, type, calendar?.HolidayOn(date), required.GetValueOrDefault(date), filled.GetValueOrDefault(date)));
            }
        }

        return result;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
