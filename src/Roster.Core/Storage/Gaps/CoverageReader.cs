using Dapper;
using NodaTime;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Gaps;

/// <summary>Required, filled and open-gap counts per unit per duty date, from the slot expansion and the published rosters.</summary>
public static class CoverageReader
{
    /// <summary>Every date of [from, to] (inclusive) for the unit; dates outside any period count zero.</summary>
    public static async Task<IReadOnlyList<CoverageDay>> ForUnitAsync(DbWork work, UnitRow unit, LocalDate from, LocalDate to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var required = new Dictionary<LocalDate, int>();
        var filled = new Dictionary<LocalDate, int>();
        var ancestors = await UnitStore.AncestorsAndSelfAsync(work, unit.Id, ct).ConfigureAwait(false);
        var periods = await work.Connection.QueryAsync<PeriodRow>(work.Command("""
            SELECT id, unit_id, name, first_day, last_day, calendar_id, rules::text AS rules, version, created_at FROM periods
            WHERE unit_id = ANY(@ancestors) AND first_day <= @to AND last_day >= @from
            """, new { ancestors = ancestors.ToArray(), from, to }, ct)).ConfigureAwait(false);
        foreach (var period in periods)
        {
            var range = RequiredSlots.Clip(period, from, to);
            if (range is null)
            {
                continue;
            }

            var (slots, _) = await RequiredSlots.ExpandAsync(work, period, unit, range, ct).ConfigureAwait(false);
            var assigned = (await work.Connection.QueryAsync<string>(work.Command("""
                SELECT a.slot_key FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
                WHERE v.unit_id = @unitId AND v.period_id = @periodId AND v.status = 'published'
                """, new { unitId = unit.Id, periodId = period.Id }, ct)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            foreach (var slot in slots)
            {
                required[slot.Date] = required.GetValueOrDefault(slot.Date) + 1;
                if (assigned.Contains(slot.Key))
                {
                    filled[slot.Date] = filled.GetValueOrDefault(slot.Date) + 1;
                }
            }
        }

        var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
        var gaps = await GapStore.OpenAsync(
            work, unit.Id, from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant(), ct).ConfigureAwait(false);
        var open = gaps.GroupBy(g => g.StartsAt.InZone(zone).Date).ToDictionary(g => g.Key, g => g.Count());
        return [.. new DateInterval(from, to).Select(d =>
            new CoverageDay(unit.Id, d, required.GetValueOrDefault(d), filled.GetValueOrDefault(d), open.GetValueOrDefault(d)))];
    }
}
