using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Inspections;

public sealed class InspectionRightsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Requirement_ThatCannotBeMet_IsRefusedNamingTheFieldAndNothingIsWritten()
    {
        var (supervisor, url) = await RequirementsAsync("坏要求");
        var outside = await supervisor.PostAsJsonAsync(url, new { kind = "fire", checklist = new[] { "a" }, minCount = 1, windowFirst = "2026-12-03", windowLast = "2026-12-20" });
        Assert.Equal((HttpStatusCode)422, outside.StatusCode);
        Assert.Equal(["windowLast"], await outside.ErrorFieldsAsync());
        var unfittable = await supervisor.PostAsJsonAsync(url, new { kind = "fire", checklist = new[] { "a" }, minCount = 4, windowFirst = "2026-12-03", windowLast = "2026-12-05" });
        Assert.Equal((HttpStatusCode)422, unfittable.StatusCode);
        Assert.Equal(["minCount"], await unfittable.ErrorFieldsAsync());
        var noShift = await supervisor.PostAsJsonAsync(url, new { kind = "patrol", checklist = new[] { "a" }, windowFirst = "2026-12-03", windowLast = "2026-12-05", patrolShift = "ZZ" });
        Assert.Equal(["patrolShift"], await noShift.ErrorFieldsAsync());
        var empty = await supervisor.PostAsJsonAsync(url, new { kind = "fire", checklist = Array.Empty<string>(), minCount = 1, windowFirst = "2026-12-03", windowLast = "2026-12-05" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["checklist"], await empty.ErrorFieldsAsync());
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
    }

    [Theory]
    [InlineData("admin", false, HttpStatusCode.Forbidden)]
    [InlineData("admin", true, HttpStatusCode.Created)]
    [InlineData("admin2", true, HttpStatusCode.NotFound)]
    public async Task Requirement_BySchoolAdmin_IsAllowedOnlyForTheirOwnUnit(string account, bool forSchool1, HttpStatusCode expected)
    {
        var (_, url) = await RequirementsAsync("要求权限 " + account + forSchool1);
        var client = await api.ClientAsync(account);
        var response = forSchool1
            ? await client.PostAsJsonAsync(url, new { unitId = api.School1Id, kind = "own", checklist = new[] { "a" }, minCount = 1, windowFirst = "2026-12-03", windowLast = "2026-12-05" })
            : await client.PostAsJsonAsync(url, new { kind = "fire", checklist = new[] { "a" }, minCount = 1, windowFirst = "2026-12-03", windowLast = "2026-12-05" });
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Recording_BeforeTheDuty_Is422()
    {
        var t = await TaskAsync("记录权限 early", 42);
        Assert.Equal((HttpStatusCode)422, (await t.Assignee.PostAsJsonAsync(t.Record, InspectionSteps.AllOk())).StatusCode);
    }

    [Fact]
    public async Task Recording_ByAnyoneButTheAssigneeOrTheSchoolAdmin_IsRefused()
    {
        var t = await TaskAsync("记录权限 others", 42);
        StartDuty(t.Task);
        var staff = await api.ClientAsync("staff");
        var staffPerson = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("personId").GetString();
        if (staffPerson != t.Task.GetProperty("personId").GetString())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync(t.Record, InspectionSteps.AllOk())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await t.Supervisor.PostAsJsonAsync(t.Record, InspectionSteps.AllOk())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).PostAsJsonAsync(t.Record, InspectionSteps.AllOk())).StatusCode);
    }

    [Fact]
    public async Task Recording_WithMissingOrUnknownOutcomes_NamesTheResults()
    {
        var t = await TaskAsync("记录权限 results", 42);
        StartDuty(t.Task);
        var partial = await t.Assignee.PostAsJsonAsync(t.Record, new { results = new[] { new { item = InspectionSteps.Checklist[0], outcome = "ok" } } });
        Assert.Equal(["results"], await partial.ErrorFieldsAsync());
        var badOutcome = await t.Assignee.PostAsJsonAsync(t.Record, new { results = InspectionSteps.Checklist.Select(i => new { item = i, outcome = "meh" }) });
        Assert.Equal(["results[0].outcome", "results[1].outcome"], await badOutcome.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Recording_Twice_Is409()
    {
        var (t, _) = await RecordedHazardAsync("记录权限 twice");
        Assert.Equal(HttpStatusCode.Conflict, (await t.Assignee.PostAsJsonAsync(t.Record, InspectionSteps.AllOk())).StatusCode);
    }

    [Fact]
    public async Task Hazard_ClosedByTheAssigneeOrRectifiedByTheSupervisor_Is403()
    {
        var (t, hazard) = await RecordedHazardAsync("记录权限 hazard");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Assignee.PostAsJsonAsync($"/api/v1/hazards/{hazard}:close", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Supervisor.PutJsonAsync($"/api/v1/hazards/{hazard}/rectification", new { owner = "x", dueAt = "2026-12-30T00:00:00Z" })).StatusCode);
    }

    [Fact]
    public async Task Rectification_DueBeforeTheFinding_NamesDueAt()
    {
        var (t, hazard) = await RecordedHazardAsync("记录权限 due");
        var early = await t.Admin.PutJsonAsync($"/api/v1/hazards/{hazard}/rectification", new { owner = "x", dueAt = "2026-11-01T00:00:00Z" });
        Assert.Equal(["dueAt"], await early.ErrorFieldsAsync());
    }

    /// <summary>The supervisor and the inspection-requirements address of a new published period named <paramref name="name"/>.</summary>
    private async Task<(HttpClient Supervisor, string Url)> RequirementsAsync(string name)
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(api, name, 41);
        return (await api.ClientAsync("supervisor"), $"/api/v1/periods/{periodId}/inspection-requirements");
    }

    /// <summary>A new published period with the fire-safety requirement scheduled: its first task, the record address,
    /// and clients for the task's assignee (a new account), the supervisor and School 1's admin. The clock is at the start.</summary>
    private async Task<(string PeriodId, JsonElement Task, string Record, HttpClient Assignee, HttpClient Supervisor, HttpClient Admin)> TaskAsync(string name, int seed)
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(api, name, seed);
        var supervisor = await api.ClientAsync("supervisor");
        var admin = await api.ClientAsync("admin");
        await InspectionSteps.FireSafetyAsync(supervisor, periodId);
        var task = (await InspectionSteps.ScheduleAsync(admin, periodId, api.School1Id))[0];
        var assignee = task.GetProperty("personId").GetString()!;
        var user = "assignee-" + Guid.NewGuid().ToString("N")[..8];
        await api.CreateAccountAsync(user, Guid.Parse(assignee), api.School1Id, "staff");
        return (periodId, task, $"/api/v1/inspection-tasks/{task.Id()}:record", await api.ClientAsync(user), supervisor, admin);
    }

    /// <summary>Half an hour into the task's duty.</summary>
    private void StartDuty(JsonElement task) =>
        api.Clock.Reset(InstantPattern.ExtendedIso.Parse(task.GetProperty("start").GetString()!).Value + Duration.FromMinutes(30));

    /// <summary>A task (see <see cref="TaskAsync"/>) its assignee recorded with one finding: the task and the hazard's id.</summary>
    private async Task<((string PeriodId, JsonElement Task, string Record, HttpClient Assignee, HttpClient Supervisor, HttpClient Admin) Task, string Hazard)> RecordedHazardAsync(string name)
    {
        var t = await TaskAsync(name, 42);
        StartDuty(t.Task);
        Assert.Equal(HttpStatusCode.OK, (await t.Assignee.PostAsJsonAsync(t.Record, InspectionSteps.AllOk(InspectionSteps.Checklist[1]))).StatusCode);
        var hazard = Assert.Single((await t.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/hazards?period={t.PeriodId}")).EnumerateArray());
        return (t, hazard.Id());
    }
}
