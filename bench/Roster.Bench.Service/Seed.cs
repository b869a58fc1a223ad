using Dapper;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Npgsql;

namespace Roster.Bench.Service;

/// <summary>
/// A district in a few set-based statements: a bureau over N schools of P people (a leader for every eight, the rest
/// staff), one bureau-wide period of D days from today with a 24-hour leader shift and day and night staff shifts, and
/// three accounts: the bureau's admin (generates), its supervisor (reads) and one staff member (my duties).
/// </summary>
internal static class Seed
{
    public const string Password = "bench-password-1";

    public static async Task<SeededDistrict> RunAsync(string connectionString, BenchOptions o, Instant now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var today = now.InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
        var at = now.ToDateTimeOffset();
        var bureau = await connection.ExecuteScalarAsync<Guid>(
            "INSERT INTO units (code, name, name_en, created_at) VALUES ('district', '压测区教育局', 'Bench district bureau', @at) RETURNING id",
            new { at }, tx);
        var units = (await connection.QueryAsync<Guid>("""
            INSERT INTO units (parent_id, code, name, name_en, created_at)
            SELECT @bureau, 'school-' || lpad(g::text, 4, '0'), '压测学校' || g, 'Bench school ' || g, @at FROM generate_series(1, @n) g
            RETURNING id
            """, new { bureau, n = o.Units, at }, tx)).AsList();
        await connection.ExecuteAsync("UPDATE units SET duty_phone = '010-' || lpad((abs(hashtext(id::text)) % 100000000)::text, 8, '0') WHERE parent_id = @bureau",
            new { bureau }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO people (unit_id, name, employment_type, roles, phone, created_at)
            SELECT u, CASE WHEN g % 8 = 1 THEN '领导' ELSE '值班员' END || g, 'formal',
                   CASE WHEN g % 8 = 1 THEN '{leader}'::text[] ELSE '{staff}'::text[] END,
                   '138' || lpad(((abs(hashtext(u::text)) + g) % 100000000)::text, 8, '0'), @at
            FROM unnest(@units) u CROSS JOIN generate_series(1, @p) g
            """, new { units = units.ToArray(), p = o.People, at }, tx);
        var calendar = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM holiday_calendars WHERE builtin ORDER BY code LIMIT 1", transaction: tx);
        var period = await connection.ExecuteScalarAsync<Guid>("""
            INSERT INTO periods (unit_id, name, first_day, last_day, calendar_id, created_at)
            VALUES (@bureau, '压测重要时期', @first, @last, @calendar, @at) RETURNING id
            """, new { bureau, first = today.ToDateOnly(), last = today.PlusDays(o.Days - 1).ToDateOnly(), calendar, at }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO shifts (period_id, code, name, name_en, day_types, starts_at, length, headcount, created_at) VALUES
            (@period, 'L24', '24小时带班', '24-hour leader shift', '{workday,weekend,holiday}', '08:00', interval '24 hours', '{"leader":1}', @at),
            (@period, 'D', '白班', 'Day shift', '{workday,weekend,holiday}', '08:00', interval '12 hours', '{"staff":1}', @at),
            (@period, 'N', '夜班', 'Night shift', '{workday,weekend,holiday}', '20:00', interval '12 hours', '{"staff":1}', @at)
            """, new { period, at }, tx);
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var staffPerson = await connection.ExecuteScalarAsync<Guid>(
            "SELECT id FROM people WHERE unit_id = @unit AND 'staff' = ANY(roles) ORDER BY name LIMIT 1", new { unit = units[0] }, tx);
        foreach (var (username, person, unit, role) in new[]
                 {
                     ("bench-admin", (Guid?)null, bureau, "admin"), ("bench-supervisor", null, bureau, "supervisor"),
                     ("bench-staff", staffPerson, units[0], "staff"),
                 })
        {
            var id = await connection.ExecuteScalarAsync<Guid>("""
                INSERT INTO accounts (username, password_hash, display_name, person_id, created_at)
                VALUES (@username, @hash, @username, @person, @at) RETURNING id
                """, new { username, hash, person, at }, tx);
            await connection.ExecuteAsync("INSERT INTO grants (account_id, unit_id, role) VALUES (@id, @unit, @role)", new { id, unit, role }, tx);
        }

        await tx.CommitAsync();
        return new SeededDistrict(bureau, units, period, today);
    }
}
