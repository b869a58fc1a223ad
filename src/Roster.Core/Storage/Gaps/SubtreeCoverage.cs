using Dapper;
using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Slots;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Gaps;

/// <summary>
/// Coverage of many units at once in six SQL commands whatever their number: the periods that apply to each unit, the
/// units each period rosters, their shifts, their calendars, the published assignments and the open gaps of the range;
/// slots are expanded in memory. A unit that keeps a roster in none of the periods has no rows (no row on a heat map).
/// Dates outside any period count zero.
/// </summary>
public static class SubtreeCoverage
{
    public static async Task<IReadOnlyList<CoverageDay>> ForUnitsAsync(
        DbWork work, IReadOnlyList<UnitRow> units, LocalDate from, LocalDate to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return [];
        }

        var ids = units.Select(u => u.Id).ToArray();
        var applying = (await work.Connection.QueryAsync<ApplyingPeriodRow>(work.Command("""
            WITH RECURSIVE up(unit, id) AS (
                SELECT id, id FROM units WHERE id = ANY(@ids)
                UNION
                SELECT up.unit, u.parent_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL
            )
            SELECT up.unit AS unit_id, p.id AS period_id, p.first_day, p.last_day, p.calendar_id FROM periods p JOIN up ON p.unit_id = up.id
            WHERE p.first_day <= @to AND p.last_day >= @from
            """, new { ids, from, to }, ct)).ConfigureAwait(false)).AsList();
        var periodIds = applying.Select(a => a.PeriodId).Distinct().ToArray();
        var shifts = (await ShiftStore.OfPeriodsAsync(work, periodIds, ct).ConfigureAwait(false)).ToLookup(s => s.PeriodId);
        var calendars = (await work.Connection.QueryAsync<(Guid Id, string Document)>(work.Command(
                "SELECT id, document::text FROM holiday_calendars WHERE id = ANY(@calendarIds)",
                new { calendarIds = applying.Select(a => a.CalendarId).Distinct().ToArray() }, ct)).ConfigureAwait(false))
            .ToDictionary(c => c.Id, c => HolidayCalendar.FromJson(c.Document));
        var assigned = (await work.Connection.QueryAsync<(Guid UnitId, Guid PeriodId, string SlotKey)>(work.Command("""
                SELECT v.unit_id, v.period_id, a.slot_key FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
                WHERE v.status = 'published' AND v.unit_id = ANY(@ids) AND v.period_id = ANY(@periodIds)
                  AND a.duty_date BETWEEN @first AND @last
                """, new { ids, periodIds, first = from.PlusDays(-1), last = to.PlusDays(1) }, ct)).ConfigureAwait(false))
            .Select(a => (a.UnitId, a.PeriodId, a.SlotKey)).ToHashSet();
        // Instants of the range in any zone lie within a day of its UTC bounds; each gap is then dated in its unit's zone.
        var gaps = (await work.Connection.QueryAsync<GapStartRow>(work.Command("""
                SELECT unit_id, starts_at FROM gaps
                WHERE unit_id = ANY(@ids) AND resolved_at IS NULL AND starts_at >= @after AND starts_at < @before
                """, new
            {
                ids, after = from.PlusDays(-1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
                before = to.PlusDays(2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            }, ct)).ConfigureAwait(false)).ToLookup(g => g.UnitId);

        var patterns = periodIds.ToDictionary(p => p, p => RequiredSlots.Pattern(shifts[p]));
        var keeping = await RosteredUnits.OfPeriodsAsync(work, periodIds, ct).ConfigureAwait(false);
        var byUnit = applying.ToLookup(a => a.UnitId);
        var result = new List<CoverageDay>(units.Count * (Period.Between(from, to, PeriodUnits.Days).Days + 1));
        foreach (var unit in units.Where(u => byUnit[u.Id].Any(p => keeping.Contains((p.PeriodId, u.Id)))))
        {
            var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
            var required = new Dictionary<LocalDate, int>();
            var filled = new Dictionary<LocalDate, int>();
            foreach (var period in byUnit[unit.Id].Where(p => keeping.Contains((p.PeriodId, unit.Id))))
            {
                var first = from > period.FirstDay ? from : period.FirstDay;
                var last = to < period.LastDay ? to : period.LastDay;
                if (first > last)
                {
                    continue;
                }

                var slots = SlotExpander.Expand(unit.Id.ToString(), zone, new DateInterval(first, last), patterns[period.PeriodId], calendars[period.CalendarId]);
                foreach (var slot in slots)
                {
                    required[slot.Date] = required.GetValueOrDefault(slot.Date) + 1;
                    if (assigned.Contains((unit.Id, period.PeriodId, slot.Key)))
                    {
                        filled[slot.Date] = filled.GetValueOrDefault(slot.Date) + 1;
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

        return result;
    }
}
