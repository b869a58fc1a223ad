using Dapper;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Statistics;

/// <summary>
/// A unit under the demo bureau with a critical period from 2026-10-05 to 2026-10-12 on the built-in mainland calendar:
/// 10-05 … 10-07 are National Day holidays, 10-08 and 10-09 workdays, 10-10 (Saturday) a make-up workday, 10-11 a
/// Sunday, 10-12 a workday. Shifts D (08:00, 12 h) and N (20:00, 12 h), one staff each. A published roster, placed by hand:
/// <code>
/// date   type      D      N
/// 10-05  holiday   Wang   Li
/// 10-06  holiday   —      Wang
/// 10-08  workday   Wang   Li
/// 10-10  make-up   Wang   Li
/// 10-11  weekend   Li (given away by Wang)
/// </code>
/// Wang checked in on time on 10-05 D and late on 10-08 D; Li missed the check-in of 10-10 N. Daily reports of 10-05
/// (on time) and 10-06 (late), an incident on 10-08, a spot check on 10-08 (one on post, one not reached), an unfilled
/// gap on 10-06 D. All of it lies before the fixture's clock (2026-12-01), so every duty has been served.
/// </summary>
internal sealed record StatisticsWorld(Guid UnitId, Guid PeriodId, Guid Wang, Guid Li, string Admin, string Staff)
{
    public static async Task<StatisticsWorld> CreateAsync(ApiFixture api, string code)
    {
        var world = await api.WithWorkAsync(async work =>
        {
            var c = work.Connection;
            var t = work.Transaction;
            var unit = await c.QuerySingleAsync<Guid>("""
                INSERT INTO units (parent_id, code, name, name_en, time_zone, created_at)
                VALUES (@bureau, @code, '统计中学 ' || @code, 'Statistics school ' || @code, 'Asia/Shanghai', now()) RETURNING id
                """, new { bureau = api.BureauId, code }, t);
            var wang = await Person(c, t, unit, "王值班");
            var li = await Person(c, t, unit, "李值班");
            var period = await c.QuerySingleAsync<Guid>("""
                INSERT INTO periods (unit_id, name, first_day, last_day, calendar_id, created_at)
                SELECT @unit, '国庆值班 National Day', date '2026-10-05', date '2026-10-12', id, now()
                FROM holiday_calendars WHERE code = 'cn-mainland' RETURNING id
                """, new { unit }, t);
            await c.ExecuteAsync("""
                INSERT INTO shifts (period_id, code, name, name_en, day_types, starts_at, length, headcount, created_at) VALUES
                (@period, 'D', '白班', 'Day shift', '{workday,weekend,holiday}', time '08:00', interval '12 hours', '{"staff":1}', now()),
                (@period, 'N', '夜班', 'Night shift', '{workday,weekend,holiday}', time '20:00', interval '12 hours', '{"staff":1}', now())
                """, new { period }, t);
            var version = await c.QuerySingleAsync<Guid>("""
                INSERT INTO roster_versions (period_id, unit_id, number, status, created_at, published_at)
                VALUES (@period, @unit, 1, 'published', now(), now()) RETURNING id
                """, new { period, unit }, t);
            foreach (var (day, shift, person) in new[]
            {
                ("2026-10-05", "D", wang), ("2026-10-05", "N", li), ("2026-10-06", "N", wang), ("2026-10-08", "D", wang),
                ("2026-10-08", "N", li), ("2026-10-10", "D", wang), ("2026-10-10", "N", li), ("2026-10-11", "D", li),
            })
            {
                await AssignAsync(c, t, version, day, shift, person);
            }

            await c.ExecuteAsync("""
                INSERT INTO check_ins (unit_id, period_id, slot_key, person_id, slot_starts_at, slot_ends_at, checked_in_at, late) VALUES
                (@unit, @period, '2026-10-05/D/staff/0', @wang, timestamptz '2026-10-05 08:00+08', timestamptz '2026-10-05 20:00+08', timestamptz '2026-10-05 07:55+08', false),
                (@unit, @period, '2026-10-08/D/staff/0', @wang, timestamptz '2026-10-08 08:00+08', timestamptz '2026-10-08 20:00+08', timestamptz '2026-10-08 08:40+08', true);
                INSERT INTO gaps (unit_id, period_id, kind, gap_key, slot_key, role, person_id, starts_at, ends_at, first_seen_at, resolved_at) VALUES
                (@unit, @period, 'missed_check_in', 'm1', '2026-10-10/N/staff/0', 'staff', @li, timestamptz '2026-10-10 20:00+08', timestamptz '2026-10-11 08:00+08', timestamptz '2026-10-10 20:15+08', NULL),
                (@unit, @period, 'unfilled', 'u1', '2026-10-06/D/staff/0', 'staff', NULL, timestamptz '2026-10-06 08:00+08', timestamptz '2026-10-06 20:00+08', timestamptz '2026-10-01 00:00+08', NULL);
                INSERT INTO swap_requests (period_id, unit_id, slot_key, from_person_id, kind, to_person_id, status, created_at, decided_at) VALUES
                (@period, @unit, '2026-10-11/D/staff/0', @wang, 'giveaway', @li, 'approved', timestamptz '2026-10-09 10:00+08', timestamptz '2026-10-09 11:00+08');
                INSERT INTO daily_reports (unit_id, period_id, day, nothing_to_report, filed_by, filed_at, due_at, late) VALUES
                (@unit, @period, date '2026-10-05', true, gen_random_uuid(), timestamptz '2026-10-05 15:00+08', timestamptz '2026-10-05 16:00+08', false),
                (@unit, @period, date '2026-10-06', true, gen_random_uuid(), timestamptz '2026-10-06 17:00+08', timestamptz '2026-10-06 16:00+08', true);
                INSERT INTO duty_log_entries (unit_id, period_id, kind, category, severity, body, author_id, created_at, ack_due_at) VALUES
                (@unit, @period, 'incident', 'safety', 'medium', '水管破裂 Burst pipe', gen_random_uuid(), timestamptz '2026-10-08 10:00+08', timestamptz '2026-10-08 10:20+08');
                WITH s AS (INSERT INTO spot_checks (unit_id, requested_by, at, seed) VALUES (@unit, gen_random_uuid(), timestamptz '2026-10-08 22:00+08', 1) RETURNING id)
                INSERT INTO spot_check_items (spot_check_id, unit_id, period_id, slot_key, person_id, outcome)
                SELECT s.id, @unit, @period, x.slot, x.person, x.outcome FROM s,
                    (VALUES ('2026-10-08/N/staff/0', @li, 'on_post'), ('2026-10-08/D/staff/0', @wang, 'not_reached')) AS x(slot, person, outcome);
                """, new { unit, period, wang, li }, t);
            return new StatisticsWorld(unit, period, wang, li, $"{code}-admin", $"{code}-staff");
        });
        await api.CreateAccountAsync(world.Admin, null, world.UnitId, "admin");
        await api.CreateAccountAsync(world.Staff, world.Wang, world.UnitId, "staff");
        return world;
    }

    /// <summary>Puts <paramref name="person"/> on a shift of the published roster (or moves the shift to them).</summary>
    public static Task AssignAsync(ApiFixture api, Guid unitId, string day, string shift, Guid person) => api.WithWorkAsync(async work =>
    {
        var version = await work.Connection.QuerySingleAsync<Guid>(
            "SELECT id FROM roster_versions WHERE unit_id = @unitId AND status = 'published'", new { unitId }, work.Transaction);
        await AssignAsync(work.Connection, work.Transaction, version, day, shift, person);
        return 0;
    });

    private static Task<Guid> Person(Npgsql.NpgsqlConnection c, Npgsql.NpgsqlTransaction t, Guid unit, string name) =>
        c.QuerySingleAsync<Guid>("""
            INSERT INTO people (unit_id, name, employment_type, roles, created_at)
            VALUES (@unit, @name, 'formal', '{staff}', now()) RETURNING id
            """, new { unit, name }, t);

    private static Task<int> AssignAsync(Npgsql.NpgsqlConnection c, Npgsql.NpgsqlTransaction t, Guid version, string day, string shift, Guid person) =>
        c.ExecuteAsync("""
            INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at)
            VALUES (@version, @day || '/' || @shift || '/staff/0', @shift, 'staff', @day::date, @person,
                    (@day::date + CASE WHEN @shift = 'D' THEN time '08:00' ELSE time '20:00' END) AT TIME ZONE 'Asia/Shanghai',
                    (@day::date + CASE WHEN @shift = 'D' THEN time '08:00' ELSE time '20:00' END + interval '12 hours') AT TIME ZONE 'Asia/Shanghai')
            ON CONFLICT (roster_version_id, slot_key) DO UPDATE SET person_id = EXCLUDED.person_id
            """, new { version, day, shift, person }, t);
}
