using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Model;
using Roster.Core.Storage.Coverage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Exports;

/// <summary>
/// One row of the coverage report: a unit on one duty date, its day type, the slots its critical periods require and
/// how many the published roster fills. New measures (e.g. the reader's open gaps) go here as properties, and into
/// <see cref="CoverageColumns"/>.
/// </summary>
internal sealed record CoverageReportRow(UnitRow Unit, LocalDate Date, DayType? DayType, Holiday? Holiday, int Required, int Filled)
{
    public int Unfilled => Required - Filled;

    /// <summary>One row per unit and date of <paramref name="dates"/>, units in the order given; a date without coverage counts zero.</summary>
    public static IReadOnlyList<CoverageReportRow> Of(IReadOnlyList<UnitRow> units, DateInterval dates, CoverageReading coverage)
    {
        var days = coverage.Days.ToDictionary(d => (d.UnitId, d.Date));
        var rows = new List<CoverageReportRow>(units.Count * dates.Length);
        foreach (var unit in units)
        {
            var calendar = coverage.Calendars.GetValueOrDefault(unit.Id);
            foreach (var date in dates)
            {
                var day = days.GetValueOrDefault((unit.Id, date));
                rows.Add(new CoverageReportRow(
                    unit, date, calendar?.DayTypeOf(date), calendar?.HolidayOn(date), day?.Required ?? 0, day?.Filled ?? 0));
            }
        }

        return rows;
    }
}
