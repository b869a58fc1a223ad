using Dapper;
using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Calendars;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>
/// Test data written straight to the tables, as the roster publish code (built elsewhere) would leave them: a bureau
/// and a school in Asia/Shanghai, people, a period with a day shift D (08:00, 12 h, one staff), and published versions.
/// </summary>
public static class Seed
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public sealed record Org(Guid BureauId, Guid SchoolId, Guid PeriodId, IReadOnlyList<Guid> People, Guid AdminAccount, Guid SupervisorAccount);

    public static async Task<Org> OrgAsync(DbWork work, Instant now, int people, LocalDate first, LocalDate last, string shiftStart = "08:00", int shiftHours = 12)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var bureau = await UnitStore.InsertAsync(work, new UnitRow { Code = "b-" + tag, Name = "示范区教育局", NameEn = "Bureau", TimeZone = Zone.Id, CreatedAt = now }, CancellationToken.None);
        var school = await UnitStore.InsertAsync(work, new UnitRow { ParentId = bureau.Id, Code = "s-" + tag, Name = "第一中学", NameEn = "No. 1 Middle School", TimeZone = Zone.Id, CreatedAt = now }, CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < people; i++)
        {
            ids.Add(await work.Connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                INSERT INTO people (unit_id, name, employment_type, roles, email, created_at)
                VALUES (@unit, @name, 'formal', '{staff,leader}', @email, @now) RETURNING id
                """, new { unit = school.Id, name = $"值班员{i}", email = $"p{i}-{tag}@test.example", now }, work.Transaction)));
        }

        var calendar = HolidayCalendars.ChinaMainland;
        await CalendarStore.UpsertBuiltinAsync(work, new CalendarRow
        {
            Code = calendar.Id, Name = calendar.Id, Document = calendar.ToDocument().ToJson(), CreatedAt = now,
        }, CancellationToken.None);
        var calendarId = (await CalendarStore.FindByCodeAsync(work, calendar.Id, CancellationToken.None))!.Id;
        var period = await PeriodStore.InsertAsync(work, new PeriodRow
        {
            UnitId = bureau.Id, Name = "重要时期", FirstDay = first, LastDay = last, CalendarId = calendarId, Rules = "[]", CreatedAt = now,
        }, CancellationToken.None);
        await ShiftStore.InsertAsync(work, new ShiftRow
        {
            PeriodId = period.Id, Code = "D", Name = "白班", NameEn = "Day shift", DayTypes = ["workday", "weekend", "holiday"],
            StartsAt = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(shiftStart).Value,
            Length = Period.FromHours(shiftHours), Headcount = """{"staff":1}""", CreatedAt = now,
        }, CancellationToken.None);
        var admin = await AccountStore.InsertAsync(work, "admin-" + tag, "x", "School admin", ids[0], now, CancellationToken.None);
        await AccountStore.GrantAsync(work, admin, school.Id, GrantRoles.Admin, CancellationToken.None);
        var supervisor = await AccountStore.InsertAsync(work, "sup-" + tag, "x", "Bureau supervisor", null, now, CancellationToken.None);
        await AccountStore.GrantAsync(work, supervisor, bureau.Id, GrantRoles.Supervisor, CancellationToken.None);
        return new Org(bureau.Id, school.Id, period.Id, ids, admin, supervisor);
    }

    /// <summary>A published version (any earlier published one becomes superseded) with the given assignments.</summary>
    public static async Task<Guid> PublishAsync(DbWork work, Org org, Instant now, IEnumerable<(string SlotKey, Guid Person, Instant Start, Instant End)> assignments)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE roster_versions SET status = 'superseded' WHERE unit_id = @SchoolId AND period_id = @PeriodId AND status = 'published'",
            org, work.Transaction));
        var version = await work.Connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO roster_versions (period_id, unit_id, number, status, created_at, published_at)
            SELECT @PeriodId, @SchoolId, COALESCE(MAX(number), 0) + 1, 'published', @now, @now FROM roster_versions
            WHERE period_id = @PeriodId AND unit_id = @SchoolId
            RETURNING id
            """, new { org.PeriodId, org.SchoolId, now }, work.Transaction));
        foreach (var (slotKey, person, start, end) in assignments)
        {
            await work.Connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at)
                VALUES (@version, @slotKey, 'D', 'staff', @date, @person, @start, @end)
                """, new { version, slotKey, date = start.InZone(Zone).Date, person, start, end }, work.Transaction));
        }

        return version;
    }

    /// <summary>The slot key of the day shift on <paramref name="date"/>.</summary>
    public static string DayKey(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date) + "/D/staff/0";

    /// <summary>Start and end of the day shift D (08:00, 12 h) on a date.</summary>
    public static (Instant Start, Instant End) DayShift(LocalDate date) =>
        ((date + new LocalTime(8, 0)).InZoneStrictly(Zone).ToInstant(), (date + new LocalTime(20, 0)).InZoneStrictly(Zone).ToInstant());
}
