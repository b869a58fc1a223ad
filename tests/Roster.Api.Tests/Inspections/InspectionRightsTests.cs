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
    public async Task Requirement_OutsideThePeriodOrUnfittable_Is4xxNamingTheField_AndNothingIsWritten()
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(api, "坏要求", 41);
        var supervisor = await api.ClientAsync("supervisor");
        var url = $"/api/v1/periods/{periodId}/inspection-requirements";
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

        var admin = await api.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await admin.PostAsJsonAsync(url, new { kind = "fire", checklist = new[] { "a" }, minCount = 1, windowFirst = "2026-12-03", windowLast = "2026-12-05" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(url,
            new { unitId = api.School1Id, kind = "own", checklist = new[] { "a" }, minCount = 1, windowFirst = "2026-12-03", windowLast = "2026-12-05" })).StatusCode);
        var admin2 = await api.ClientAsync("admin2");
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.PostAsJsonAsync(url,
            new { unitId = api.School1Id, kind = "x", checklist = new[] { "a" }, minCount = 1, windowFirst = "2026-12-03", windowLast = "2026-12-05" })).StatusCode);
    }

    [Fact]
    public async Task Recording_ByOthersIs403Or404_IncompleteIs400_BeforeDutyIs422_OnlyTheAssigneeOrAdminRecords()
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(api, "记录权限", 42);
        var supervisor = await api.ClientAsync("supervisor");
        var admin = await api.ClientAsync("admin");
        await InspectionSteps.FireSafetyAsync(supervisor, periodId);
        var tasks = await InspectionSteps.ScheduleAsync(admin, periodId, api.School1Id);
        var task = tasks[0];
        var record = $"/api/v1/inspection-tasks/{task.Id()}:record";
        var assignee = task.GetProperty("personId").GetString()!;
        var user = "assignee-" + assignee[..8];
        await api.CreateAccountAsync(user, Guid.Parse(assignee), api.School1Id, "staff");
        var mine = await api.ClientAsync(user);

        Assert.Equal((HttpStatusCode)422, (await mine.PostAsJsonAsync(record, InspectionSteps.AllOk())).StatusCode);
        api.Clock.Reset(InstantPattern.ExtendedIso.Parse(task.GetProperty("start").GetString()!).Value + Duration.FromMinutes(30));
        var staff = await api.ClientAsync("staff");
        var staffPerson = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("personId").GetString();
        if (staffPerson != assignee)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync(record, InspectionSteps.AllOk())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync(record, InspectionSteps.AllOk())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).PostAsJsonAsync(record, InspectionSteps.AllOk())).StatusCode);
        var partial = await mine.PostAsJsonAsync(record, new { results = new[] { new { item = InspectionSteps.Checklist[0], outcome = "ok" } } });
        Assert.Equal(["results"], await partial.ErrorFieldsAsync());
        var badOutcome = await mine.PostAsJsonAsync(record, new { results = InspectionSteps.Checklist.Select(i => new { item = i, outcome = "meh" }) });
        Assert.Equal(["results[0].outcome", "results[1].outcome"], await badOutcome.ErrorFieldsAsync());

        Assert.Equal(HttpStatusCode.OK, (await mine.PostAsJsonAsync(record, InspectionSteps.AllOk(InspectionSteps.Checklist[1]))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mine.PostAsJsonAsync(record, InspectionSteps.AllOk())).StatusCode);
        var hazard = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/hazards?period={periodId}")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.PostAsJsonAsync($"/api/v1/hazards/{hazard.Id()}:close", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutJsonAsync($"/api/v1/hazards/{hazard.Id()}/rectification", new { owner = "x", dueAt = "2026-12-30T00:00:00Z" })).StatusCode);
        var early = await admin.PutJsonAsync($"/api/v1/hazards/{hazard.Id()}/rectification", new { owner = "x", dueAt = "2026-11-01T00:00:00Z" });
        Assert.Equal(["dueAt"], await early.ErrorFieldsAsync());
    }
}
