using Dapper;
using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Statistics;

namespace Roster.Core.Storage.Statistics;

/// <summary>
/// Values duties in three SQL commands whatever their number: the holiday calendars of their periods (the day type, as
/// the roster uses it), the units' ancestry and the rate cards. A duty takes its period's card, else the card of its
/// unit or the nearest ancestor that has one, else nothing.
/// </summary>
public static class DutyValuation
{
    public static async Task<IReadOnlyList<DutyValue>> ValueAsync(DbWork work, IReadOnlyList<DutyFactRow> duties, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(duties);
        if (duties.Count == 0)
        {
            return [];
        }

        var calendars = (await work.Connection.QueryAsync<(Guid Id, string Document)>(work.Command(
                "SELECT id, document::text FROM holiday_calendars WHERE id = ANY(@ids)",
                new { ids = duties.Select(d => d.CalendarId).Distinct().ToArray() }, ct)))
            .ToDictionary(c => c.Id, c => HolidayCalendar.FromJson(c.Document));
        var unitIds = duties.Select(d => d.UnitId).Distinct().ToArray();
        var ancestry = (await work.Connection.QueryAsync<(Guid UnitId, Guid AncestorId, int Depth)>(work.Command("""
                WITH RECURSIVE up(unit_id, ancestor_id, depth) AS (
                    SELECT id, id, 0 FROM units WHERE id = ANY(@unitIds)
                    UNION ALL
                    SELECT up.unit_id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.ancestor_id
                    WHERE u.parent_id IS NOT NULL
                )
                SELECT unit_id, ancestor_id, depth FROM up
                """, new { unitIds }, ct))).AsList();
        var periodIds = duties.Select(d => d.PeriodId).Distinct().ToArray();
        var cards = await DutyRateStore.OfAsync(work, [.. ancestry.Select(a => a.AncestorId).Distinct()], periodIds, ct);
        var byPeriod = cards.Where(c => c.PeriodId is not null).ToDictionary(c => c.PeriodId!.Value, c => c.ToCard());
        var byUnit = cards.Where(c => c.UnitId is not null).ToDictionary(c => c.UnitId!.Value, c => c.ToCard());
        var unitCard = ancestry.GroupBy(a => a.UnitId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(a => a.Depth).Select(a => byUnit.GetValueOrDefault(a.AncestorId)).FirstOrDefault(c => c is not null) ?? DutyRateCard.None);

        return [.. duties.Select(d =>
        {
            var type = calendars[d.CalendarId].DayTypeOf(d.DutyDate);
            var card = byPeriod.GetValueOrDefault(d.PeriodId) ?? unitCard.GetValueOrDefault(d.UnitId) ?? DutyRateCard.None;
            var interval = new Interval(d.StartsAt, d.EndsAt);
            var hours = decimal.Round((decimal)interval.Duration.TotalHours, 2);
            return new DutyValue(type, hours, NightDuty.Is(interval, DateTimeZoneProviders.Tzdb[d.TimeZone]), card.For(type));
        })];
    }
}
