using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Submissions;

public sealed class SubmissionRightsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Submit_BySupervisor_Is403()
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await OversightPeriods.CreateAsync(api, "权限 submit", requiresApproval: true);
        var admin = await api.ClientAsync("admin");
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, 5);
        var supervisor = await api.ClientAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster:submit", new { })).StatusCode);
    }

    [Fact]
    public async Task Decision_ByTheUnitsAdminTheBureauAdminOrStaff_Is403AndChangesNothing()
    {
        var (admin, _, submission) = await SubmittedAsync("权限 decide");
        var approve = $"/api/v1/submissions/{submission}:approve";
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync(approve, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/submissions/{submission}:return", new { note = "x" })).StatusCode);
        var bureauAdmin = await OversightPeriods.BureauAdminAsync(api);
        Assert.Equal(HttpStatusCode.Forbidden, (await bureauAdmin.PostAsJsonAsync(approve, new { })).StatusCode);
        var staff = await api.ClientAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync(approve, new { })).StatusCode);
        await AssertStillSubmittedAsync(admin, submission);
    }

    [Fact]
    public async Task Submission_ForAnotherSchoolsAdmin_Is404AndChangesNothing()
    {
        var (admin, periodId, submission) = await SubmittedAsync("权限 other");
        var admin2 = await api.ClientAsync("admin2");
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.PostAsJsonAsync($"/api/v1/submissions/{submission}:approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.GetAsync(new Uri($"/api/v1/submissions/{submission}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.GetAsync(new Uri($"/api/v1/periods/{periodId}/submission-board?unit={api.School1Id}", UriKind.Relative))).StatusCode);
        await AssertStillSubmittedAsync(admin, submission);
    }

    [Fact]
    public async Task BadInput_NamesTheField_AndWritesNothing()
    {
        api.Clock.Reset(ApiFixture.Start);
        var admin = await api.ClientAsync("admin");
        var demo = await api.DemoPeriodIdAsync(admin);
        var notRequired = await admin.PostAsJsonAsync($"/api/v1/periods/{demo}/units/{api.School1Id}/roster:submit", new { });
        Assert.Equal((HttpStatusCode)422, notRequired.StatusCode);
        Assert.Equal(["periodId"], await notRequired.ErrorFieldsAsync());

        var periodId = await OversightPeriods.CreateAsync(api, "输入", requiresApproval: true);
        var roster = $"/api/v1/periods/{periodId}/units/{api.School1Id}";
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(roster + "/roster:submit", new { })).StatusCode);
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, 9);
        var submitted = await (await admin.PostAsJsonAsync(roster + "/roster:submit", new { })).BodyAsync();
        var supervisor = await api.ClientAsync("supervisor");
        var ret = $"/api/v1/submissions/{submitted.Id()}:return";

        var empty = await supervisor.PostAsJsonAsync(ret, new { });
        Assert.Equal(["comments"], await empty.ErrorFieldsAsync());
        var outside = await supervisor.PostAsJsonAsync(ret, new { comments = new[] { new { date = "2027-03-01", text = "?" } } });
        Assert.Equal(["comments[0].date"], await outside.ErrorFieldsAsync());
        var blank = await supervisor.PostAsJsonAsync(ret, new { comments = new[] { new { slotKey = "2026-12-02/D/staff/0", text = " " } } });
        Assert.Equal(["comments[0].text"], await blank.ErrorFieldsAsync());
        var bureau = await supervisor.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.BureauId}/roster:submit", new { });
        Assert.Equal(HttpStatusCode.Forbidden, bureau.StatusCode);

        var state = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/submissions/{submitted.Id()}");
        Assert.Equal("submitted", state.GetProperty("state").GetString());
        Assert.Equal(0, state.GetProperty("comments").GetArrayLength());
    }

    /// <summary>A new approval period named <paramref name="name"/> whose School 1 roster its admin generated and
    /// submitted: the admin, the period and the submission's id.</summary>
    private async Task<(HttpClient Admin, string PeriodId, string Submission)> SubmittedAsync(string name)
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await OversightPeriods.CreateAsync(api, name, requiresApproval: true);
        var admin = await api.ClientAsync("admin");
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, 5);
        var submitted = await (await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster:submit", new { })).BodyAsync();
        return (admin, periodId, submitted.Id());
    }

    private static async Task AssertStillSubmittedAsync(HttpClient admin, string submission)
    {
        var state = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/submissions/{submission}");
        Assert.Equal("submitted", state.GetProperty("state").GetString());
    }
}
