using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

/// <summary>The supervisor's call board: who is on duty now, one tap to call, searchable, updated by pushed events.</summary>
public sealed class OnDutyBoardJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task Supervisor_SeesWhoIsOnDuty_CallsWithATelLink_AndSeesAPhoneChangeWithoutReload()
    {
        var admin = await Api.ClientAsync("admin");
        var periodId = await Api.DemoPeriodIdAsync(admin);
        await RosterSteps.GenerateAsync(admin, periodId, Api.School1Id, 17);
        await RosterSteps.PublishAsync(admin, periodId, Api.School1Id);
        await admin.PutAsJsonAsync($"/api/v1/units/{Api.School1Id}/duty-phone", new { dutyPhone = "010-1234 5678" });

        var page = await web.NewPageAsync(phone: true);
        await page.SignInAsync("supervisor");
        await page.GotoAsync(Api.BaseAddress + "#on-duty");
        var card = page.Locator($"[data-testid=on-duty-unit][data-unit='{Api.School1Id}']");
        await Expect(card.GetByTestId("duty-office-phone")).ToHaveAttributeAsync("href", "tel:010-1234 5678", new() { Timeout = 20_000 });
        await Expect(card.GetByTestId("on-duty-person").First).ToContainTextAsync("带班领导");
        await page.ShotAsync("supervisor-on-duty-board");

        await page.GetByTestId("on-duty-search").FillAsync("no such unit or person");
        await Expect(card).ToHaveCountAsync(0);
        await page.GetByTestId("on-duty-search").FillAsync("");

        // A change made elsewhere reaches the open page by the event stream, well before the one-minute refresh.
        await admin.PutAsJsonAsync($"/api/v1/units/{Api.School1Id}/duty-phone", new { dutyPhone = "010-8765 4321" });
        await Expect(card.GetByTestId("duty-office-phone")).ToHaveAttributeAsync("href", "tel:010-8765 4321", new() { Timeout = 10_000 });
    }
}
