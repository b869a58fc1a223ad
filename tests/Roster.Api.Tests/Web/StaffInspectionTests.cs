using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Inspections;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

public sealed class StaffInspectionTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task StaffOnPhone_RecordsAnAssignedInspectionItemByItem_SupervisorSeesProgressAndTheHazard()
    {
        Api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(Api, "消防检查周 fire safety week", 75);
        var supervisorApi = await Api.ClientAsync("supervisor");
        var requirementId = await InspectionSteps.FireSafetyAsync(supervisorApi, periodId);
        var task = (await InspectionSteps.ScheduleAsync(await Api.ClientAsync("admin"), periodId, Api.School1Id))[0];
        await Api.CreateAccountAsync("inspector", Guid.Parse(task.GetProperty("personId").GetString()!), Api.School1Id, "staff");
        // Now is an hour into the duty the inspection was given to.
        Api.Clock.Reset(InstantPattern.ExtendedIso.Parse(task.GetProperty("start").GetString()!).Value + Duration.FromHours(1));

        var page = await web.NewPageAsync(phone: true);
        await page.SignInAsync("inspector");
        var card = page.Locator($"[data-testid=inspection-task][data-task='{task.Id()}']");
        await Expect(card).ToHaveAttributeAsync("data-state", "open");
        await card.GetByTestId("item-outcome").First.SelectOptionAsync("hazard");
        await card.GetByTestId("item-note").First.FillAsync("灭火器过期 extinguisher expired");
        await page.ShotAsync("staff-4-inspection-phone");
        await card.GetByTestId("inspection-form").Locator("button[type=submit]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "done");
        await Expect(card).ToContainTextAsync("灭火器过期");

        var progress = await InspectionSteps.ProgressAsync(supervisorApi, periodId, requirementId, Api.School1Id);
        Assert.Equal(1, progress.GetProperty("done").GetInt64());
        var supervisor = await web.NewPageAsync();
        await supervisor.SignInAsync("supervisor");
        await supervisor.GetByTestId("sup-period-select").SelectOptionAsync(periodId);
        var row = supervisor.Locator($"[data-testid=progress-row][data-unit='{Api.School1Id}'][data-requirement='{requirementId}']");
        await Expect(row.GetByTestId("progress-count")).ToContainTextAsync("已完成 1");
        await Expect(supervisor.GetByTestId("hazard").First).ToContainTextAsync("灭火器过期");
    }

    [Fact]
    public async Task InspectionForm_BeforeTheDutyStarts_ShowsTheProblem_KeepsTheNotes()
    {
        Api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(Api, "早到检查 too early", 76);
        await InspectionSteps.FireSafetyAsync(await Api.ClientAsync("supervisor"), periodId);
        var tasks = await InspectionSteps.ScheduleAsync(await Api.ClientAsync("admin"), periodId, Api.School1Id);
        var task = tasks.OrderByDescending(t => t.GetProperty("start").GetString(), StringComparer.Ordinal).First();
        await Api.CreateAccountAsync("early", Guid.Parse(task.GetProperty("personId").GetString()!), Api.School1Id, "staff");

        var page = await web.NewPageAsync(phone: true);
        await page.SignInAsync("early");
        var card = page.Locator($"[data-testid=inspection-task][data-task='{task.Id()}']");
        await card.GetByTestId("item-note").First.FillAsync("提前检查 early");
        await card.GetByTestId("inspection-form").Locator("button[type=submit]").ClickAsync();
        await Expect(card.Locator(".form-error")).ToContainTextAsync("违反规则");
        await Expect(card.GetByTestId("item-note").First).ToHaveValueAsync("提前检查 early");
        await Expect(card).ToHaveAttributeAsync("data-state", "open");
        var saved = await (await Api.ClientAsync("early")).GetFromJsonAsync<JsonElement>(
            $"/api/v1/periods/{periodId}/units/{Api.School1Id}/inspection-tasks");
        Assert.Equal("open", saved.EnumerateArray().Single(t => t.Id() == task.Id()).GetProperty("state").GetString());
    }
}
