using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

public sealed class AdminJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task Admin_GeneratesPublishesWithDiff_ApprovesLeave_FillsTheGapFromTheCandidates()
    {
        var page = await web.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GetByTestId("generate").ClickAsync();
        await Expect(page.GetByTestId("version")).ToHaveTextAsync("草稿 · 版本 1", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("roster-grid").GetByTestId("slot").First).ToBeVisibleAsync();
        await page.ShotAsync("admin-1-draft-grid");

        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("diff-summary")).ToContainTextAsync("新增");
        await page.GetByTestId("confirm-publish").ClickAsync();
        await Expect(page.GetByTestId("version")).ToHaveTextAsync("已发布 · 版本 1");

        // The staff member asks for leave on their first day on duty; the generated roster decides which week that is.
        var staff = await Api.ClientAsync("staff");
        var me = await staff.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-30")).EnumerateArray().First();
        var day = duty.GetProperty("date").GetString()!;
        var slotKey = duty.GetProperty("slotKey").GetString()!;
        var asked = await staff.PostAsJsonAsync($"/api/v1/people/{me.GetProperty("personId").GetString()}/leaves",
            new { firstDay = day, lastDay = day, kind = "leave", reason = "体检 medical check" });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());

        await page.ReloadAsync();
        var weeks = Period.Between(new LocalDate(2026, 12, 1), LocalDatePattern.Iso.Parse(day).Value, PeriodUnits.Days).Days / 7;
        for (var i = 0; i < weeks; i++)
        {
            await page.GetByTestId("next-week").ClickAsync();
        }
        await Expect(page.Locator($"th[data-date='{day}']")).ToBeVisibleAsync();
        var request = page.GetByTestId("leave-request").Filter(new LocatorFilterOptions { HasText = "体检" });
        await request.GetByTestId("approve-leave").ClickAsync();
        var slot = page.Locator($"[data-testid=slot][data-slot='{slotKey}']");
        await Expect(slot).ToHaveAttributeAsync("data-gap", "on-leave");
        await slot.ClickAsync();
        await Expect(page.GetByTestId("candidate").First).ToBeVisibleAsync();
        await page.ShotAsync("admin-2-gap-candidates");

        var chosen = (await page.GetByTestId("candidate").First.Locator("span").First.InnerTextAsync()).Split(" · ")[0];
        await page.GetByTestId("candidate").First.GetByTestId("assign").ClickAsync();
        await Expect(slot).ToHaveAttributeAsync("data-gap", "");
        await Expect(slot).ToHaveTextAsync(chosen);
        await Expect(page.GetByTestId("audit")).ToContainTextAsync("assignment");
        await page.ShotAsync("admin-3-gap-filled");
    }
}
