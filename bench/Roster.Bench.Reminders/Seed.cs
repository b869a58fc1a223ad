using Dapper;
using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Storage;

namespace Roster.Bench.Reminders;

/// <summary>
/// One school with one person per assignment (inbox only, so the webhook is the measured channel), a generic webhook
/// target at the local receiver, reminders at 1 h only, and a published version whose 1 h reminders fall due evenly
/// across the window. Starts never meet ends, so there are no handover reminders.
/// </summary>
internal static class Seed
{
    public static async Task<Guid> PublishAsync(DbWork work, int port, int count, Instant firstDue, Duration window, Instant now)
    {
        var c = work.Connection;
        var unit = await c.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "INSERT INTO units (code, name, name_en, created_at) VALUES ('bench', '压测学校', 'Bench school', @now) RETURNING id", new { now }, work.Transaction));
        var calendar = HolidayCalendars.ChinaMainland;
        var calendarId = await c.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO holiday_calendars (code, name, document, builtin, created_at) VALUES (@code, @code, @doc::jsonb, true, @now) RETURNING id
            """, new { code = calendar.Id, doc = calendar.ToDocument().ToJson(), now }, work.Transaction));
        var today = now.InUtc().Date;
        var period = await c.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO periods (unit_id, name, first_day, last_day, calendar_id, created_at) VALUES (@unit, 'bench', @first, @last, @calendarId, @now) RETURNING id
            """, new { unit, first = today.PlusDays(-1), last = today.PlusDays(2), calendarId, now }, work.Transaction));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO unit_reminder_settings (unit_id, offsets_minutes) VALUES (@unit, '{60}')", new { unit }, work.Transaction));
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_targets (unit_id, name, format, url, secret, created_at) VALUES (@unit, 'bench', 'generic', @url, 'bench-secret', @now)
            """, new { unit, url = $"http://127.0.0.1:{port}/hook", now }, work.Transaction));
        var people = (await c.QueryAsync<Guid>(new CommandDefinition("""
            INSERT INTO people (unit_id, name, employment_type, roles, created_at)
            SELECT @unit, '值班员' || g, 'formal', '{staff}', @now FROM generate_series(1, @count) g RETURNING id
            """, new { unit, count, now }, work.Transaction))).AsList();
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO notification_preferences (person_id, channels) SELECT unnest(@people), '{inbox}'", new { people = people.ToArray() }, work.Transaction));
        var version = await c.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO roster_versions (period_id, unit_id, number, status, created_at, published_at) VALUES (@period, @unit, 1, 'published', @now, @now) RETURNING id
            """, new { period, unit, now }, work.Transaction));
        var step = window / count;
        var starts = Enumerable.Range(0, count).Select(i => firstDue + Duration.FromHours(1) + step * i).ToArray();
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at)
            SELECT @version, 'bench/' || i, 'D', 'staff', @today, p, s, s + interval '12 hours'
            FROM unnest(@people, @starts) WITH ORDINALITY AS t(p, s, i)
            """, new { version, today, people = people.ToArray(), starts }, work.Transaction));
        return version;
    }
}
