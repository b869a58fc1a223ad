using NodaTime;
using Roster.Api.Problems;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>Turns a range of the unit's calendar days into instants.</summary>
internal static class UnitDays
{
    /// <summary>
    /// From the start of <paramref name="from"/> to the start of the day after <paramref name="to"/> in the unit's zone
    /// (half-open); missing ends default to the period's first and last day. A range that ends before it starts is
    /// recorded against the field the caller gave (null then).
    /// </summary>
    public static Interval? Span(FieldErrors errors, UnitRow unit, PeriodRow period, LocalDate? from, LocalDate? to)
    {
        var first = from ?? period.FirstDay;
        var last = to ?? period.LastDay;
        if (last < first)
        {
            _ = to is null
                ? errors.Add("from", "must not be after the period's last day when to is left out")
                : errors.Add("to", from is null ? "must not be before the period's first day when from is left out" : "must not be before from");
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
        return new Interval(first.AtStartOfDayInZone(zone).ToInstant(), last.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
    }
}
