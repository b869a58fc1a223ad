using NodaTime;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>Turns a range of the unit's calendar days into instants.</summary>
internal static class UnitDays
{
    /// <summary>
    /// From the start of <paramref name="from"/> to the start of the day after <paramref name="to"/> in the unit's zone
    /// (half-open); missing ends default to the period's first and last day.
    /// </summary>
    public static Interval Span(UnitRow unit, PeriodRow period, LocalDate? from, LocalDate? to)
    {
        var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
        return new Interval(
            (from ?? period.FirstDay).AtStartOfDayInZone(zone).ToInstant(),
            (to ?? period.LastDay).PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
    }
}
