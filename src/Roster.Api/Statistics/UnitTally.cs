using NodaTime;
using Roster.Core.Statistics;
using Roster.Core.Storage.Coverage;
using Roster.Core.Storage.Statistics;
using Roster.Core.Storage.Units;

namespace Roster.Api.Statistics;

/// <summary>Adds up one unit's duties, coverage and events into a <see cref="UnitStatisticsResponse"/>.</summary>
internal static class UnitTally
{
    public static UnitStatisticsResponse Of(
        UnitRow unit, LocalDate from, LocalDate to, IReadOnlyList<DutyValue> duties, IReadOnlyList<CoverageDay> coverage,
        IReadOnlyList<UnitEventRow> events)
    {
        var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
        var start = from.AtStartOfDayInZone(zone).ToInstant();
        var end = to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        var inRange = events.Where(e => e.Day is not null || (e.At >= start && e.At < end)).ToList();
        int Count(string kind) => inRange.Count(e => e.Kind == kind);
        var required = coverage.Sum(c => c.Required);
        var filled = coverage.Sum(c => c.Filled);
        return new UnitStatisticsResponse(
            unit.Id, unit.Name, unit.NameEn, duties.Count, duties.Sum(d => d.Hours), required, filled,
            required == 0 ? null : decimal.Round(filled * 100m / required, 1),
            new GapCounts(Count("gap:unfilled"), Count("gap:unavailable"), Count("gap:conflict"), Count("gap:missed_check_in"), Count("gap:late_report")),
            new ReportCounts(Count("report:on_time") + Count("report:late"), Count("report:late")),
            Count("incident"),
            new SpotCheckCounts(Count("spot:on_post"), Count("spot:elsewhere"), Count("spot:not_reached"), Count("spot:pending")),
            duties.Sum(d => d.Rate.Allowance),
            duties.Sum(d => d.Rate.CompensatoryHours));
    }
}
