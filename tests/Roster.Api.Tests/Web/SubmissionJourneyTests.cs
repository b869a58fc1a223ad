using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Submissions;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

public sealed class SubmissionJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private const string CommentedSlot = "2026-12-03/D/staff/0";

    private ApiFixture Api => web.Api;

    [Fact]
    public async Task Supervisor_ReturnsASubmittedRosterWithAComment_AdminSeesItAndResubmits_SupervisorApproves_RosterIsPublished()
    {
        Api.Clock.Reset(ApiFixture.Start);
        var periodId = await OversightPeriods.CreateAsync(Api, "报备演练 filing drill", requiresApproval: true, submissionDue: "2026-12-01T09:00:00Z");
        var adminApi = await Api.ClientAsync("admin");
        await RosterSteps.GenerateAsync(adminApi, periodId, Api.School1Id, 93);

        // The administrator submits: the period requires approval, so there is no publish button.
        var admin = await web.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GetByTestId("period-select").SelectOptionAsync(periodId);
        await Expect(admin.GetByTestId("version")).ToHaveTextAsync("草稿 · 版本 1");
        await Expect(admin.GetByTestId("publish")).ToHaveCountAsync(0);
        await admin.GetByTestId("submit-note").FillAsync("请审批 please approve");
        await admin.GetByTestId("submit-roster").ClickAsync();
        await Expect(admin.GetByTestId("submission-state")).ToHaveAttributeAsync("data-state", "submitted");

        // The supervisor returns it with a comment on one slot.
        var supervisor = await web.NewPageAsync();
        await supervisor.SignInAsync("supervisor");
        await supervisor.GetByTestId("sup-period-select").SelectOptionAsync(periodId);
        var row = supervisor.Locator($"[data-testid=board-row][data-unit='{Api.School1Id}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "submitted");
        await row.GetByTestId("return-toggle").ClickAsync();
        await row.GetByTestId("comment-date").SelectOptionAsync("2026-12-03");
        await row.GetByTestId("comment-slot").FillAsync(CommentedSlot);
        await row.GetByTestId("comment-text").FillAsync("白班人选请更换 change the day shift");
        await row.GetByTestId("return-note").FillAsync("请调整 please adjust");
        await supervisor.ShotAsync("supervisor-2-return-with-comment");
        await row.GetByTestId("return-form").Locator("button[type=submit]").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "returned");

        // The administrator sees the comment beside the grid and on the slot, replaces the person, and resubmits.
        await admin.ReloadAsync();
        await admin.GetByTestId("period-select").SelectOptionAsync(periodId);
        await Expect(admin.GetByTestId("return-comment")).ToContainTextAsync("白班人选请更换");
        var slot = admin.Locator($"[data-testid=slot][data-slot='{CommentedSlot}']");
        await Expect(slot).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("commented"));
        await admin.ShotAsync("admin-4-returned-comments");
        await slot.ClickAsync();
        await admin.GetByTestId("candidate").First.GetByTestId("assign").ClickAsync();
        await Expect(admin.GetByTestId("slot-panel")).ToHaveCountAsync(0);
        await admin.GetByTestId("submit-roster").ClickAsync();
        await Expect(admin.GetByTestId("submission-state")).ToHaveAttributeAsync("data-state", "submitted");
        await Expect(admin.GetByTestId("changes-since-return")).ToContainTextAsync("自退回以来的变化 (1 → 2)");

        // The supervisor approves, which publishes the roster.
        await supervisor.ReloadAsync();
        await supervisor.GetByTestId("sup-period-select").SelectOptionAsync(periodId);
        await Expect(row).ToHaveAttributeAsync("data-state", "submitted");
        await row.GetByTestId("approve-submission").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "approved");
        await supervisor.ShotAsync("supervisor-3-board-approved");

        await admin.ReloadAsync();
        await admin.GetByTestId("period-select").SelectOptionAsync(periodId);
        await Expect(admin.GetByTestId("version")).ToContainTextAsync("已发布");
        var published = await adminApi.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{Api.School1Id}/roster?version=published");
        Assert.Equal("published", published.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReturnForm_CommentWithoutText_ShowsTheFieldError_KeepsWhatWasTyped()
    {
        Api.Clock.Reset(ApiFixture.Start);
        var periodId = await OversightPeriods.CreateAsync(Api, "退回校验 return check", requiresApproval: true);
        var adminApi = await Api.ClientAsync("admin");
        await RosterSteps.GenerateAsync(adminApi, periodId, Api.School1Id, 94);
        var submitted = await adminApi.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{Api.School1Id}/roster:submit", new { });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());

        var supervisor = await web.NewPageAsync();
        await supervisor.SignInAsync("supervisor");
        await supervisor.GetByTestId("sup-period-select").SelectOptionAsync(periodId);
        var row = supervisor.Locator($"[data-testid=board-row][data-unit='{Api.School1Id}']");
        await row.GetByTestId("return-toggle").ClickAsync();
        await row.GetByTestId("comment-slot").FillAsync(CommentedSlot);
        await row.GetByTestId("return-form").Locator("button[type=submit]").ClickAsync();
        await Expect(row.GetByTestId("error-comments[0].text")).ToContainTextAsync("输入有误");
        await Expect(row.GetByTestId("comment-slot")).ToHaveValueAsync(CommentedSlot);
        await Expect(row).ToHaveAttributeAsync("data-state", "submitted");
    }
}
