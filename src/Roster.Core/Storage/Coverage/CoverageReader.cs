using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Slots;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Coverage;

/// <summary>
/// The one coverage reader: required, filled and open-gap counts per unit and duty date, for the coverage heat map, the
/// unit statistics and the coverage report. Many units at once in six SQL commands whatever their number: the periods
/// that apply to each unit (with their published roster versions), the units each period rosters, their shifts, their
/// calendars, the assignments of the versions not yet in <see cref="CoverageCells"/> and the open gaps of the range;
/// slots are expanded in memory, once per (period, unit, roster version, shape) when a cell cache is given. A unit that
/// keeps a roster in none of the periods has no rows (no row on a heat map). Dates outside any period count zero.
/// </summary>
public static class CoverageReader
{
    /// <summary>One entry per unit with rows and date of [<paramref name="from"/>, <paramref name="to"/>], units in the order given.</summary>
    public static async Task<IReadOnlyList<CoverageDay>> ForUnitsAsync(
        DbWork work, IReadOnlyList<UnitRow> units, LocalDate from, LocalDate to, CancellationToken ct, CoverageCells? cells = null) =>
        (await ReadAsync(work, units, from, to, ct, cells)).Days;

    /// <summary>The days of <see cref="ForUnitsAsync"/>, with the holiday calendar each unit's day types are named by.</summary>
    public static async Task<CoverageReading> ReadAsync(
        DbWork work, IReadOnlyList<UnitRow> units, LocalDate from, LocalDate to, CancellationToken ct, CoverageCells? cells = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return new CoverageReading([], new Dictionary<Guid, HolidayCalendar>());
        }

        var ids = units.Select(u => u.Id).ToArray();
        var applying = (await work.Connection.QueryAsync<ApplyingPeriodRow>(work.Command("""
            WITH RECURSIVE up(unit, id) AS (
                SELECT id, id FROM units WHERE id = ANY(@ids)
                UNION
                SELECT up.unit, u.parent_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL
            )
            SELECT up.unit AS unit_id, p.id AS period_id, p.first_day, p.last_day, p.calendar_id,
                   COALESCE((SELECT string_agg(v.id::text || ':' || v.content_revision, ',' ORDER BY v.id) FROM roster_versions v
                             WHERE v.status = 'published' AND v.unit_id = up.unit AND v.period_id = p.id), '') AS versions
            FROM periods p JOIN up ON p.unit_id = up.id
            WHERE p.first_day <= @to AND p.last_day >= @from
            ORDER BY p.id
            """, new { ids, from, to }, ct))).AsList();
        var periodIds = applying.Select(a => a.PeriodId).Distinct().ToArray();
        var byUnitPeriods = applying.ToLookup(a => a.UnitId);
        var shifts = (await ShiftStore.OfPeriodsAsync(work, periodIds, ct)).ToLookup(s => s.PeriodId);
        var calendarDocuments = (await work.Connection.QueryAsync<(Guid Id, string Document)>(work.Command(
                "SELECT id, document::text FROM holiday_calendars WHERE id = ANY(@calendarIds)",
                new { calendarIds = applying.Select(a => a.CalendarId).Distinct().ToArray() }, ct)))
            .ToDictionary(c => c.Id, c => c.Document);
        var calendars = calendarDocuments.ToDictionary(c => c.Key, c => HolidayCalendar.FromJson(c.Value));
        // Instants of the range in any zone lie within a day of its UTC bounds; each gap is then dated in its unit's zone.
        var gaps = (await work.Connection.QueryAsync<GapStartRow>(work.Command("""
                SELECT unit_id, starts_at FROM gaps
                WHERE unit_id = ANY(@ids) AND resolved_at IS NULL AND starts_at >= @after AND starts_at < @before
                """, new
            {
                ids, after = from.PlusDays(-1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
                before = to.PlusDays(2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            }, ct))).ToLookup(g => g.UnitId);

        var periods = applying.DistinctBy(a => a.PeriodId).ToDictionary(a => a.PeriodId);
        var shapes = periodIds.ToDictionary(p => p, p => Shape(periods[p], shifts[p], calendarDocuments[periods[p].CalendarId]));
        var patterns = periodIds.ToDictionary(p => p, p => RequiredSlots.Pattern(shifts[p]));
        var keeping = await RosteredUnits.OfPeriodsAsync(work, periodIds, ct);

        // Whole periods are counted once per roster version and kept; only the assignments of versions not kept are read.
        var wanted = units.SelectMany(u => byUnitPeriods[u.Id].Where(p => keeping.Contains((p.PeriodId, u.Id)))
                .Select(p => (Unit: u, Period: p, p.Versions)))
            .ToList();
        var counted = new Dictionary<(Guid UnitId, Guid PeriodId), IReadOnlyDictionary<LocalDate, (int Required, int Filled)>>();
        foreach (var w in wanted)
        {
            if (cells?.Find(w.Period.PeriodId, w.Unit.Id, w.Versions, shapes[w.Period.PeriodId] + w.Unit.TimeZone) is { } cached)
            {
                counted[(w.Unit.Id, w.Period.PeriodId)] = cached;
            }
        }

        var missing = wanted.Where(w => !counted.ContainsKey((w.Unit.Id, w.Period.PeriodId))).ToList();
        var assigned = (await work.Connection.QueryAsync<(Guid UnitId, Guid PeriodId, string SlotKey)>(work.Command("""
                SELECT v.unit_id, v.period_id, a.slot_key FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
                WHERE v.status = 'published' AND (v.unit_id, v.period_id) IN (SELECT * FROM unnest(@unitIds, @missingPeriodIds))
                """, new
            {
                unitIds = missing.Select(m => m.Unit.Id).ToArray(), missingPeriodIds = missing.Select(m => m.Period.PeriodId).ToArray(),
            }, ct)))
            .Select(a => (a.UnitId, a.PeriodId, a.SlotKey)).ToHashSet();
        foreach (var (unit, period, versionKey) in missing)
        {
            var days = new Dictionary<LocalDate, (int Required, int Filled)>();
            var slots = SlotExpander.Expand(unit.Id.ToString(), DateTimeZoneProviders.Tzdb[unit.TimeZone],
                new DateInterval(period.FirstDay, period.LastDay), patterns[period.PeriodId], calendars[period.CalendarId]);
            foreach (var slot in slots)
            {
                var (required, filled) = days.GetValueOrDefault(slot.Date);
                days[slot.Date] = (required + 1, filled + (assigned.Contains((unit.Id, period.PeriodId, slot.Key)) ? 1 : 0));
            }

            counted[(unit.Id, period.PeriodId)] = days;
            cells?.Store(period.PeriodId, unit.Id, versionKey, shapes[period.PeriodId] + unit.TimeZone, days);
        }

        var result = new List<CoverageDay>(units.Count * (Period.Between(from, to, PeriodUnits.Days).Days + 1));
        var unitCalendars = new Dictionary<Guid, HolidayCalendar>();
        foreach (var unit in units.Where(u => byUnitPeriods[u.Id].Any(p => keeping.Contains((p.PeriodId, u.Id)))))
        {
            // The calendar of the unit's first applying period by id (the rows come ordered so): one per unit, as reports print it.
            unitCalendars[unit.Id] = calendars[byUnitPeriods[unit.Id].First().CalendarId];
            var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
            var required = new Dictionary<LocalDate, int>();
            var filled = new Dictionary<LocalDate, int>();
            foreach (var period in byUnitPeriods[unit.Id])
            {
                if (!counted.TryGetValue((unit.Id, period.PeriodId), out var days))
                {
                    continue;
                }

                foreach (var (date, count) in days)
                {
                    if (date >= from && date <= to)
                    {
                        required[date] = required.GetValueOrDefault(date) + count.Required;
                        filled[date] = filled.GetValueOrDefault(date) + count.Filled;
                    }
                }
            }

            var start = from.AtStartOfDayInZone(zone).ToInstant();
            var end = to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            var open = gaps[unit.Id].Where(g => g.StartsAt >= start && g.StartsAt < end)
                .GroupBy(g => g.StartsAt.InZone(zone).Date).ToDictionary(g => g.Key, g => g.Count());
            result.AddRange(new DateInterval(from, to).Select(d =>
                new CoverageDay(unit.Id, d, required.GetValueOrDefault(d), filled.GetValueOrDefault(d), open.GetValueOrDefault(d))));
        }

        return new CoverageReading(result, unitCalendars);
    }

    /// <summary>What a period's slots expand from, besides the unit's zone: its days, calendar and shifts (with their versions).</summary>
    private static string Shape(ApplyingPeriodRow period, IEnumerable<ShiftRow> shifts, string calendarDocument)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{period.FirstDay:R}|{period.LastDay:R}|{period.CalendarId:N}|")
            + string.Join(';', shifts.OrderBy(s => s.Id).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id:N}:{s.Version}")))
            + "|" + calendarDocument;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + "|";
    }
}
