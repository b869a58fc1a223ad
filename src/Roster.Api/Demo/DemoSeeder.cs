using Microsoft.AspNetCore.Identity;
using NodaTime;
using Npgsql;
using Roster.Core.Calendars;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Calendars;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Demo;

/// <summary>
/// The demo: one bureau with three schools and 40 people, a 30-day critical period starting today with a
/// 24-hour leader shift and day/night staff shifts, and the accounts admin, supervisor and staff.
/// Loaded once, into a database that has no units yet.
/// </summary>
internal static class DemoSeeder
{
    public const string Zone = "Asia/Shanghai";

    /// <returns>True when the demo was loaded now; false when the database already had data.</returns>
    public static async Task<bool> SeedAsync(IServiceProvider services, string password, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var clock = services.GetRequiredService<IClock>();
        var hasher = services.GetRequiredService<IPasswordHasher<AccountRow>>();
        await using var work = await DbWork.BeginAsync(db, ct);
        // Two processes starting together must not both seed: the first one to lock the table decides.
        if (await UnitStore.LockAndCheckAnyAsync(work, ct))
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        var today = now.InZone(DateTimeZoneProviders.Tzdb[Zone]).Date;
        var units = await DemoData.InsertUnitsAsync(work, now, ct);
        var people = await DemoData.InsertPeopleAsync(work, units, now, today, ct);

        var calendar = await CalendarStore.FindByCodeAsync(work, HolidayCalendars.ChinaMainland.Id, ct)
            ?? throw new InvalidOperationException("The built-in calendar must be installed before the demo.");
        var period = await PeriodStore.InsertAsync(work, new PeriodRow
        {
            UnitId = units.Bureau, Name = "演示重要时期 Demo critical period", FirstDay = today, LastDay = today.PlusDays(29),
            CalendarId = calendar.Id, Rules = DemoData.Rules, CreatedAt = now,
        }, ct);
        foreach (var shift in DemoData.Shifts(period.Id, now))
        {
            await ShiftStore.InsertAsync(work, shift, ct);
        }

        var school = units.Schools[0];
        await AddAccountAsync(work, hasher, "admin", "第一中学办公室管理员 School 1 office admin", null, school, GrantRoles.Admin, password, now, ct);
        await AddAccountAsync(work, hasher, "supervisor", "区教育局督查 Bureau supervisor", null, units.Bureau, GrantRoles.Supervisor, password, now, ct);
        await AddAccountAsync(work, hasher, "staff", people.StaffName, people.StaffPerson, school, GrantRoles.Staff, password, now, ct);
        await work.CommitAsync(ct);
        return true;
    }

    public static void PrintWelcome(ICollection<string> urls, string? password, string passwordFile, bool seededNow)
    {
        var url = urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var where = password is not null
            ? $"password: {password}" + (passwordFile.Length > 0 ? $", kept in {passwordFile}" : "") + "; shown only now"
            : passwordFile.Length > 0 ? $"password in {passwordFile}" : "password: as set in Roster:DemoPassword";
        Console.WriteLine($"""

            Roster is running{(seededNow ? " with a fresh demo" : "")}.
              Web        {url}/
              API        {url}/api/v1
              API docs   {url}/docs   (OpenAPI: {url}/openapi/v1.json)
              Health     {url}/healthz  {url}/readyz
            Demo accounts ({where}):
              admin       administrator of 第一中学 (school 1)
              supervisor  supervisor of the bureau (all schools)
              staff       duty staff member of 第一中学
            Press Ctrl-C to stop; ./roster down stops the database.
            """);
    }

    /// <summary>True when the demo's accounts exist (loaded by an earlier start).</summary>
    public static async Task<bool> PresentAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(services.GetRequiredService<NpgsqlDataSource>(), ct);
        return await AccountStore.FindByUsernameAsync(work, "supervisor", ct) is not null;
    }

    public static void PrintNoDemo(ICollection<string> urls)
    {
        var url = urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
        Console.WriteLine($"""

            Roster is running without the demo (this database has no demo data).
              Web        {url}/
              API        {url}/api/v1   (docs: {url}/docs)
            A new installation starts with: ./roster bootstrap --bureau NAME --code CODE --username USER
            Press Ctrl-C to stop; ./roster down stops the database.
            """);
    }

    private static async Task AddAccountAsync(
        DbWork work, IPasswordHasher<AccountRow> hasher, string username, string displayName, Guid? personId, Guid unitId,
        string role, string password, Instant now, CancellationToken ct)
    {
        var hash = hasher.HashPassword(new AccountRow { Username = username }, password);
        var id = await AccountStore.InsertAsync(work, username, hash, displayName, personId, now, ct);
        await AccountStore.GrantAsync(work, id, unitId, role, ct);
    }
}
