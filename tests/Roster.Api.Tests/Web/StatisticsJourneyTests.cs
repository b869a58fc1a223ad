using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Rosters;
using Roster.Api.Tests.Statistics;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

/// <summary>Issue 21 in the browser (zh-CN): duty statistics and the monthly report, compensatory leave refused beyond the
/// balance, and standby set by hand in the roster grid.</summary>
public sealed class StatisticsJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task Admin_SeesTheStatisticsTheApiComputes_ConfirmsTheMonth_AndLaterChangesShowAsCorrections()
    {
        var world = await StatisticsWorld.CreateAsync(Api, "web-stats");
        await StatisticsRates.SetAsync(Api, world);
        var admin = await Api.ClientAsync(world.Admin);
        var expected = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/statistics/duty?unit={world.UnitId}&from=2026-10-05&to=2026-10-12&groupBy=person");

        var page = await web.NewPageAsync();
        await page.SignInAsync(world.Admin);
        await page.GetByTestId("tab-statistics").ClickAsync();
        await page.GetByTestId("stats-range").SelectOptionAsync(world.PeriodId.ToString());
        await page.GetByTestId("stats-show").ClickAsync();
        var people = expected.GetProperty("people").EnumerateArray().ToList();
        Assert.Equal(2, people.Count);
        await Expect(page.GetByTestId("stats-row")).ToHaveCountAsync(2);
        foreach (var p in people)
        {
            var row = page.Locator($"[data-testid=stats-row][data-person='{p.GetProperty("personId").GetString()}']");
            await Expect(row.Locator("th")).ToHaveTextAsync(p.GetProperty("name").GetString()!);
            foreach (var (col, value) in new[]
            {
                ("duties", p.GetProperty("duties").GetDecimal()),
                ("holiday", p.GetProperty("byDayType").GetProperty("holiday").GetDecimal()),
                ("makeUpWorkday", p.GetProperty("byDayType").GetProperty("makeUpWorkday").GetDecimal()),
                ("weekend", p.GetProperty("byDayType").GetProperty("weekend").GetDecimal()),
                ("hours", p.GetProperty("hours").GetDecimal()),
                ("standbyDays", p.GetProperty("standbyDays").GetDecimal()),
                ("allowance", p.GetProperty("allowance").GetDecimal()),
                ("compensatoryHours", p.GetProperty("compensatoryHours").GetDecimal()),
            })
            {
                await Expect(row.Locator($"td[data-col={col}]")).ToHaveTextAsync(Text(value));
            }
        }

        // Wang: holidays 10-05 D and 10-06 N (300 + 300), 10-08 workday (100), 10-10 make-up workday (150); 8 + 8 + 2 hours off.
        var wang = page.Locator($"[data-testid=stats-row][data-person='{world.Wang}']");
        await Expect(wang.Locator("td[data-col=allowance]")).ToHaveTextAsync("850");
        await Expect(wang.Locator("td[data-col=compensatoryHours]")).ToHaveTextAsync("18");
        await Expect(page.GetByTestId("stats-table").Locator("thead")).ToContainTextAsync("值班补贴 (CNY)");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("stats-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.ShotAsync("statistics-1-by-person");

        await page.GetByTestId("stats-group").SelectOptionAsync("unit");
        await page.GetByTestId("stats-show").ClickAsync();
        await Expect(page.Locator($"[data-testid=stats-row][data-unit='{world.UnitId}'] td[data-col=allowance]"))
            .ToHaveTextAsync(Text(people.Sum(p => p.GetProperty("allowance").GetDecimal())));

        // The monthly report: the draft, confirmed with the ETag it was read with, then frozen.
        var report = page.GetByTestId("statistics-report");
        await report.GetByTestId("report-month").FillAsync("2026-10");
        await report.GetByTestId("report-open").ClickAsync();
        await Expect(report.GetByTestId("report-state")).ToContainTextAsync("草稿");
        await Expect(report.Locator($"[data-testid=report-row][data-person='{world.Li}'] td[data-col=duties]")).ToHaveTextAsync("4");
        await report.GetByTestId("report-confirm").ClickAsync();
        await Expect(report.GetByTestId("report-state")).ToContainTextAsync("已确认");
        await Expect(report.GetByTestId("report-confirm")).ToHaveCountAsync(0);
        await Expect(report.GetByTestId("report-corrections")).ToContainTextAsync("确认后没有变动");

        // Li takes one more duty in October after the sign-off: the confirmed figure stays, the change is a correction.
        await StatisticsWorld.AssignAsync(Api, world.UnitId, "2026-10-12", "D", world.Li);
        await report.GetByTestId("report-open").ClickAsync();
        await Expect(report.Locator($"[data-testid=report-row][data-person='{world.Li}'] td[data-col=duties]")).ToHaveTextAsync("4");
        var correction = report.Locator($"[data-testid=correction][data-person='{world.Li}']").Filter(new() { HasText = "值班次数" });
        await Expect(correction).ToContainTextAsync("4");
        await Expect(correction.Locator("td").Last).ToHaveTextAsync("5");
        await page.ShotAsync("statistics-2-report-confirmed");
        var confirmed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{world.UnitId}/statistics-report?month=2026-10");
        Assert.Equal("confirmed", confirmed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Supervisor_ReadsTheStatisticsOfASchoolBelow_ButCannotConfirmItsMonth()
    {
        var world = await StatisticsWorld.CreateAsync(Api, "web-sup");
        var page = await web.NewPageAsync();
        await page.SignInAsync("supervisor");
        await page.GetByTestId("tab-statistics").ClickAsync();
        await page.GetByTestId("stats-unit").SelectOptionAsync(world.UnitId.ToString());
        await page.GetByTestId("stats-range").SelectOptionAsync(world.PeriodId.ToString());
        await page.GetByTestId("stats-show").ClickAsync();
        await Expect(page.GetByTestId("stats-row")).ToHaveCountAsync(2);
        await Expect(page.Locator($"[data-testid=stats-row][data-person='{world.Li}'] td[data-col=duties]")).ToHaveTextAsync("4");

        var report = page.GetByTestId("statistics-report");
        await report.GetByTestId("report-month").FillAsync("2026-10");
        await report.GetByTestId("report-open").ClickAsync();
        await Expect(report.GetByTestId("report-state")).ToContainTextAsync("草稿");
        await Expect(report.GetByTestId("report-row")).ToHaveCountAsync(2);
        await Expect(report.GetByTestId("report-confirm")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Staff_AsksForCompensatoryLeave_SeesTheBalance_AndARequestBeyondItIsRefusedAtTheField()
    {
        var world = await StatisticsWorld.CreateAsync(Api, "web-comp");
        await StatisticsRates.SetAsync(Api, world);
        var page = await web.NewPageAsync(phone: true);
        await page.SignInAsync(world.Staff);
        var leave = page.GetByTestId("leave-form");
        await leave.GetByTestId("leave-kind").SelectOptionAsync("compensatory");
        await Expect(leave.GetByTestId("comp-balance")).ToHaveTextAsync("补休余额：可用 18 小时（已获得 18，已使用 0）");

        await leave.GetByTestId("first-day").FillAsync("2026-12-10");
        await leave.GetByTestId("last-day").FillAsync("2026-12-12");
        await leave.GetByTestId("reason").FillAsync("国庆值班补休");
        await leave.Locator("button[type=submit]").ClickAsync();
        await Expect(leave.GetByTestId("error-hours")).ToContainTextAsync("超出补休余额：可用 18 小时（已获得 18，已使用 0）");
        await Expect(leave.GetByTestId("reason")).ToHaveValueAsync("国庆值班补休");
        await page.ShotAsync("statistics-3-compensatory-refused-phone");
        var staff = await Api.ClientAsync(world.Staff);
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/people/{world.Wang}/leaves")).GetProperty("items").GetArrayLength());

        await leave.GetByTestId("last-day").FillAsync("2026-12-10");
        await leave.GetByTestId("leave-hours").FillAsync("4");
        await leave.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("my-leaves")).ToContainTextAsync("补休（调休）");
        await page.GetByTestId("leave-kind").SelectOptionAsync("compensatory");
        await Expect(page.GetByTestId("comp-balance")).ToHaveTextAsync("补休余额：可用 14 小时（已获得 18，已使用 4）");
    }

    [Fact]
    public async Task Admin_SetsAndClearsAStandbyInTheGrid_ARefusalNamesTheRule()
    {
        var admin = await Api.ClientAsync("admin");
        var periodId = await Api.DemoPeriodIdAsync(admin);
        await StandbyShifts.AskForDayStandbyAsync(Api, "web-standby-bureau", periodId);
        await RosterSteps.GenerateAsync(admin, periodId, Api.School1Id, 21);

        var page = await web.NewPageAsync();
        await page.SignInAsync("admin");
        await Expect(page.GetByTestId("version")).ToHaveTextAsync("草稿 · 版本 1", new() { Timeout = 30_000 });
        var first = page.GetByTestId("standby-row").GetByTestId("standby").First;
        var slotKey = (await first.GetAttributeAsync("data-slot"))!;
        var date = slotKey.Split('/')[0];
        var roster = $"/api/v1/periods/{periodId}/units/{Api.School1Id}/roster";
        var draft = await admin.GetFromJsonAsync<JsonElement>($"{roster}?version=draft");
        var onDuty = draft.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("slotKey").GetString() == $"{date}/D/staff/0")
            .GetProperty("personId").GetString()!;
        var holder = await first.GetAttributeAsync("data-person");
        var people = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{Api.School1Id}/people?limit=200")).GetProperty("items").EnumerateArray().ToList();
        var onLeave = new HashSet<string>();
        foreach (var p in people)
        {
            var leaves = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{p.Id()}/leaves")).GetProperty("items").EnumerateArray();
            if (leaves.Any(l => string.CompareOrdinal(l.GetProperty("firstDay").GetString(), date) <= 0 && string.CompareOrdinal(date, l.GetProperty("lastDay").GetString()) <= 0))
            {
                onLeave.Add(p.Id());
            }
        }

        var chosen = people.First(p => p.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "staff")
            && p.GetProperty("employmentType").GetString() == "formal" && p.Id() != onDuty && p.Id() != holder && !onLeave.Contains(p.Id()));

        await first.ClickAsync();
        var panel = page.GetByTestId("standby-panel");
        await panel.GetByTestId("standby-person").SelectOptionAsync(onDuty);
        await panel.GetByTestId("standby-set").ClickAsync();
        await Expect(panel.GetByTestId("standby-refused")).ToHaveAttributeAsync("data-rule", "noOverlap");
        await Expect(panel.GetByTestId("standby-refused")).ToContainTextAsync("不能安排：同一时间已有值班或备班");
        await page.ShotAsync("statistics-4-standby-refused");

        await panel.GetByTestId("standby-person").SelectOptionAsync(chosen.Id());
        await panel.GetByTestId("standby-set").ClickAsync();
        var cell = page.Locator($"[data-testid=standby][data-slot='{slotKey}']");
        await Expect(cell).ToHaveAttributeAsync("data-person", chosen.Id());
        await Expect(cell).ToHaveTextAsync(chosen.GetProperty("name").GetString()!);
        var after = await admin.GetFromJsonAsync<JsonElement>($"{roster}?version=draft");
        var set = after.GetProperty("standby").EnumerateArray().Single(s => s.GetProperty("slotKey").GetString() == slotKey);
        Assert.Equal((chosen.Id(), "manual"), (set.GetProperty("personId").GetString(), set.GetProperty("source").GetString()));
        await Expect(page.GetByTestId("audit")).ToContainTextAsync("standby");

        await cell.ClickAsync();
        await page.GetByTestId("standby-panel").GetByTestId("standby-clear").ClickAsync();
        await Expect(cell).ToHaveTextAsync("未安排备班");
        await Expect(cell).ToHaveAttributeAsync("data-person", "");
        await page.ShotAsync("statistics-5-standby-cleared");
    }

    private static string Text(decimal value) => (Math.Round(value, 2) / 1.00m).ToString("0.##", CultureInfo.InvariantCulture);
}
