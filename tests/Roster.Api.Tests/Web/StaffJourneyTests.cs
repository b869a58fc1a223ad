using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

public sealed class StaffJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task StaffOnPhone_ChecksInOffersACover_ColleagueAccepts_ChecksOutWithHandover()
    {
        var admin = await Api.ClientAsync("admin");
        var periodId = await Api.DemoPeriodIdAsync(admin);
        await RosterSteps.GenerateAsync(admin, periodId, Api.School1Id, 71);
        await RosterSteps.PublishAsync(admin, periodId, Api.School1Id);
        var staff = await Api.ClientAsync("staff");
        var duties = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-02&to=2026-12-30")).EnumerateArray().ToList();
        var first = duties[0];
        var later = duties[1];
        // "Now" is five minutes into the first duty: its check-in is open.
        Api.Clock.Reset(Start(first) + Duration.FromMinutes(5));

        var page = await web.NewPageAsync(phone: true);
        await page.SignInAsync("staff");
        var firstCard = page.Locator($"[data-testid=duty][data-slot='{first.GetProperty("slotKey").GetString()}']");
        await firstCard.GetByTestId("check-in").ClickAsync();
        await Expect(firstCard.GetByTestId("checked-in")).ToContainTextAsync("已签到");
        await page.ShotAsync("staff-1-checked-in-phone");

        var laterKey = later.GetProperty("slotKey").GetString()!;
        var laterCard = page.Locator($"[data-testid=duty][data-slot='{laterKey}']");
        await laterCard.GetByTestId("offer-toggle").ClickAsync();
        await laterCard.Locator("select[name=kind]").SelectOptionAsync("giveaway");
        await laterCard.GetByTestId("offer-note").FillAsync("家中有事 family matter");
        await laterCard.GetByTestId("offer").Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("my-offer")).ToContainTextAsync("待接受");

        // A colleague who could take that duty signs in on their own phone and accepts the offer.
        var candidates = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/periods/{periodId}/units/{Api.School1Id}/roster/candidates?slot={Uri.EscapeDataString(laterKey)}");
        await Api.CreateAccountAsync("colleague", Guid.Parse(candidates[0].GetProperty("personId").GetString()!), Api.School1Id, "staff");
        var colleague = await web.NewPageAsync(phone: true);
        await colleague.SignInAsync("colleague");
        var offer = colleague.GetByTestId("offer").Filter(new LocatorFilterOptions { HasText = "家中有事" });
        await offer.GetByTestId("accept-offer").ClickAsync();
        await Expect(colleague.Locator("#toast")).ToContainTextAsync("已接受");
        await colleague.ShotAsync("staff-2-colleague-accepted-phone");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("my-offer")).ToContainTextAsync("已接受");
        await firstCard.GetByTestId("handover").FillAsync("门卫室钥匙已交接 keys handed over");
        await firstCard.GetByTestId("check-out").Locator("button[type=submit]").ClickAsync();
        await Expect(firstCard).ToContainTextAsync("已签退");
        var checkIns = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{Api.School1Id}/check-ins");
        Assert.Contains("keys handed over", checkIns.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaveForm_LastDayBeforeFirstDay_ShowsTheFieldError_KeepsWhatWasTyped_InEnglishToo()
    {
        var page = await web.NewPageAsync(phone: true);
        await page.SignInAsync("staff");
        await page.GetByTestId("lang-switch").ClickAsync();
        var leave = page.GetByTestId("leave-form");
        await leave.GetByTestId("first-day").FillAsync("2026-12-20");
        await leave.GetByTestId("last-day").FillAsync("2026-12-18");
        await leave.GetByTestId("reason").FillAsync("wedding");
        await leave.Locator("button[type=submit]").ClickAsync();

        await Expect(leave.GetByTestId("error-lastDay")).ToContainTextAsync("Check this field: must not be before firstDay");
        await Expect(leave.GetByTestId("reason")).ToHaveValueAsync("wedding");
        await Expect(leave.GetByTestId("first-day")).ToHaveValueAsync("2026-12-20");
        await page.ShotAsync("staff-3-leave-error-en-phone");
    }

    private static Instant Start(JsonElement duty) => InstantPattern.ExtendedIso.Parse(duty.GetProperty("start").GetString()!).Value;
}
