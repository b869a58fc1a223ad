using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>
/// Who is on duty at one instant in a subtree: one round trip of two statements whatever the number of units — the units
/// of the subtree (among those the caller may see) with a published roster in a period around that day, and everyone whose
/// published assignment covers the instant, with phone, presence and check-in, then everyone standing by (备班) then; and
/// the span around the instant in which no assignment starts or ends (the board is the same at any instant of it, see
/// <see cref="OnDutyBoard.ValidAt"/>). Reads only.
/// </summary>
public static class OnDutyBoardStore
{
    // The published versions of the subtree around the day: every statement of the command starts from them.
    private const string Versions = """
        WITH RECURSIVE sub(id) AS (
            SELECT id FROM units WHERE id = @unitId
            UNION ALL
            SELECT u.id FROM units u JOIN sub s ON u.parent_id = s.id
        ), versions AS (
            SELECT v.id, v.unit_id, v.period_id FROM roster_versions v JOIN periods p ON p.id = v.period_id
            WHERE v.status = 'published' AND v.unit_id IN (SELECT id FROM sub) AND v.unit_id = ANY(@visible)
              AND p.first_day <= @lastDay AND p.last_day >= @firstDay
        )
        """;

    private const string Sql = Versions + """
        SELECT u.id AS unit_id, u.code, u.name, u.name_en, u.duty_phone FROM units u
        WHERE u.id IN (SELECT unit_id FROM versions)
        ORDER BY u.code, u.id;
        """
        + Versions + """
        SELECT * FROM (
        SELECT v.unit_id, v.period_id, a.slot_key, a.shift_code, a.role, a.starts_at, a.ends_at, a.person_id,
               pe.name AS person_name, pe.phone, COALESCE(sh.presence ->> a.role, 'on_site') AS presence,
               c.checked_in_at, COALESCE(c.late, false) AS late, false AS standby
        FROM versions v
        JOIN assignments a ON a.roster_version_id = v.id AND a.starts_at >= @windowStart AND a.starts_at <= @at
                          AND a.during @> @at::timestamptz
        JOIN people pe ON pe.id = a.person_id
        LEFT JOIN shifts sh ON sh.period_id = v.period_id AND sh.code = a.shift_code
        LEFT JOIN check_ins c ON c.unit_id = v.unit_id AND c.period_id = v.period_id AND c.slot_key = a.slot_key
        UNION ALL
        SELECT v.unit_id, v.period_id, b.slot_key, b.shift_code, b.role, b.starts_at, b.ends_at, b.person_id,
               pe.name, pe.phone, 'reachable', NULL, false, true
        FROM versions v
        JOIN standby_assignments b ON b.roster_version_id = v.id AND b.starts_at >= @windowStart AND b.starts_at <= @at
                                  AND b.during @> @at::timestamptz AND b.stepped_in_at IS NULL
        JOIN people pe ON pe.id = b.person_id
        ) board
        ORDER BY unit_id, standby, CASE role WHEN 'leader' THEN 0 ELSE 1 END, starts_at, slot_key;
        """
        + Versions + """
        SELECT max(b.x) FILTER (WHERE b.x <= @at) AS last_change, min(b.x) FILTER (WHERE b.x > @at) AS next_change
        FROM (
            SELECT a.starts_at, a.ends_at FROM versions v
            JOIN assignments a ON a.roster_version_id = v.id AND a.starts_at >= @windowStart AND a.starts_at < @windowEnd
            UNION ALL
            SELECT s.starts_at, s.ends_at FROM versions v
            JOIN standby_assignments s ON s.roster_version_id = v.id AND s.starts_at >= @windowStart AND s.starts_at < @windowEnd
        ) a
        CROSS JOIN LATERAL (VALUES (a.starts_at), (a.ends_at)) AS b(x);
        """;

    /// <summary>Shifts last at most 48 hours: assignments starting earlier than this before an instant cannot cover it.</summary>
    private static readonly Duration Reach = Duration.FromDays(3);

    public static async Task<OnDutyBoard> AtAsync(
        DbWork work, Guid unitId, IReadOnlyCollection<Guid> visible, Instant at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Periods are days in each unit's zone; a day either side covers every zone and a shift running past midnight.
        var day = at.InUtc().Date;
        using var grid = await work.Connection.QueryMultipleAsync(work.Command(Sql, new
        {
            unitId, visible = visible.ToArray(), at, firstDay = day.PlusDays(-1), lastDay = day.PlusDays(1),
            windowStart = at - Reach, windowEnd = at + Duration.FromDays(1),
        }, ct));
        var units = (await grid.ReadAsync<OnDutyUnitRow>()).AsList();
        var people = (await grid.ReadAsync<OnDutyPersonRow>()).AsList();
        var span = await grid.ReadSingleAsync<OnDutySpanRow>();
        // The versions read depend on the UTC day of the instant, and the boundaries are complete a day either side.
        var dayStart = day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var dayEnd = day.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var from = span.LastChange is { } last && last > dayStart ? last : dayStart;
        var until = span.NextChange is { } next && next < dayEnd ? next : dayEnd;
        return new OnDutyBoard(units, people, new Interval(from, until));
    }
}
