using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Submissions;

namespace Roster.Api.Tests.Inspections;

public sealed class InspectionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Requirement_IsSpreadOverOnSiteDuties_FlaggedWhenBehind_ClearedWhenDone()
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(api, "消防检查", 31);
        var supervisor = await api.ClientAsync("supervisor");
        var admin = await api.ClientAsync("admin");
        var requirementId = await InspectionSteps.FireSafetyAsync(supervisor, periodId);
        var patrol = await supervisor.PostAsJsonAsync($"/api/v1/periods/{periodId}/inspection-requirements", new
        {
            kind = "night_patrol", checklist = new[] { "门窗 doors and windows" }, windowFirst = "2026-12-02", windowLast = "2026-12-04", patrolShift = "N",
        });
        Assert.Equal(HttpStatusCode.Created, patrol.StatusCode);

        var tasks = await InspectionSteps.ScheduleAsync(admin, periodId, api.School1Id);
        var fire = tasks.Where(t => t.GetProperty("requirementId").GetString() == requirementId).ToList();
        Assert.Equal(2, fire.Count);
        Assert.Equal(2, fire.Select(t => t.GetProperty("date").GetString()).Distinct().Count());
        Assert.Equal(2, fire.Select(t => t.GetProperty("personId").GetString()).Distinct().Count());
        Assert.All(fire, t => Assert.InRange(t.GetProperty("date").GetString()!, "2026-12-03", "2026-12-07"));
        var published = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published"))
            .GetProperty("assignments").EnumerateArray().ToDictionary(a => a.GetProperty("slotKey").GetString()!, a => a.GetProperty("personId").GetString());
        Assert.All(tasks, t => Assert.Equal(published[t.GetProperty("slotKey").GetString()!], t.GetProperty("personId").GetString()));
        var patrols = tasks.Where(t => t.GetProperty("requirementId").GetString() != requirementId).ToList();
        Assert.Equal(["2026-12-02", "2026-12-03", "2026-12-04"], patrols.Select(t => t.GetProperty("date").GetString()).Order());
        Assert.All(patrols, t => Assert.Contains("/N/", t.GetProperty("slotKey").GetString()!, StringComparison.Ordinal));
        Assert.Empty(await InspectionSteps.ScheduleAsync(admin, periodId, api.School1Id));

        var progress = await InspectionSteps.ProgressAsync(supervisor, periodId, requirementId, api.School1Id);
        Assert.Equal(2, progress.GetProperty("required").GetInt64());
        Assert.False(progress.GetProperty("behind").GetBoolean());

        // 12-06 01:00 in Shanghai: two days before the window ends, nothing done yet.
        api.Clock.Reset(Instant.FromUtc(2026, 12, 5, 17, 0));
        Assert.True((await InspectionSteps.ProgressAsync(supervisor, periodId, requirementId, api.School1Id)).GetProperty("behind").GetBoolean());
        Assert.DoesNotContain(await InspectionSteps.FlagsAsync(admin, periodId, "inspections_behind"), f => f.GetProperty("subject").GetString() == requirementId);
        await OversightScans.RunAsync(api);
        var flag = Assert.Single(await InspectionSteps.FlagsAsync(admin, periodId, "inspections_behind"),
            f => f.GetProperty("subject").GetString() == requirementId);
        Assert.Equal("2026-12-05T16:00:00Z", flag.GetProperty("openedAt").GetString());
        Assert.Contains(await InspectionSteps.FlagsAsync(supervisor, periodId, "inspections_behind"),
            f => f.GetProperty("unitId").GetString() == api.School2Id.ToString());

        api.Clock.Reset(Instant.FromUtc(2026, 12, 8, 12, 0));
        foreach (var task in fire)
        {
            var recorded = await admin.PostAsJsonAsync($"/api/v1/inspection-tasks/{task.Id()}:record", InspectionSteps.AllOk());
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        }

        progress = await InspectionSteps.ProgressAsync(supervisor, periodId, requirementId, api.School1Id);
        Assert.Equal(2, progress.GetProperty("done").GetInt64());
        Assert.False(progress.GetProperty("behind").GetBoolean());
        Assert.True((await InspectionSteps.ProgressAsync(supervisor, periodId, requirementId, api.School2Id)).GetProperty("behind").GetBoolean());
        await OversightScans.RunAsync(api);
        Assert.DoesNotContain(await InspectionSteps.FlagsAsync(admin, periodId, "inspections_behind"), f => f.GetProperty("subject").GetString() == requirementId);
    }

    [Fact]
    public async Task Hazard_FoundAssignedOverdueAndClosed_IsFlaggedUntilClosed()
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await InspectionSteps.PublishedPeriodAsync(api, "隐患整改", 32);
        var supervisor = await api.ClientAsync("supervisor");
        var admin = await api.ClientAsync("admin");
        await InspectionSteps.FireSafetyAsync(supervisor, periodId);
        var task = (await InspectionSteps.ScheduleAsync(admin, periodId, api.School1Id))[0];
        var start = InstantPattern.ExtendedIso.Parse(task.GetProperty("start").GetString()!).Value;
        api.Clock.Reset(start + Duration.FromHours(1));

        var user = "inspector-" + task.GetProperty("personId").GetString()![..8];
        await api.CreateAccountAsync(user, Guid.Parse(task.GetProperty("personId").GetString()!), api.School1Id, "staff");
        var inspector = await api.ClientAsync(user);
        var recorded = await (await inspector.PostAsJsonAsync($"/api/v1/inspection-tasks/{task.Id()}:record",
            InspectionSteps.AllOk(InspectionSteps.Checklist[0]))).BodyAsync();
        var hazard = Assert.Single(recorded.GetProperty("hazards").EnumerateArray());
        Assert.Equal(InspectionSteps.Checklist[0], hazard.GetProperty("item").GetString());

        var due = start + Duration.FromDays(1);
        var rectify = await admin.PutJsonAsync($"/api/v1/hazards/{hazard.Id()}/rectification",
            new { owner = "后勤处 王主任", dueAt = InstantPattern.ExtendedIso.Format(due) });
        Assert.Equal(HttpStatusCode.OK, rectify.StatusCode);
        Assert.Empty(await InspectionSteps.FlagsAsync(supervisor, periodId, "hazard_overdue"));

        api.Clock.Reset(due + Duration.FromHours(2));
        Assert.Empty(await InspectionSteps.FlagsAsync(supervisor, periodId, "hazard_overdue"));
        await OversightScans.RunAsync(api);
        var overdue = Assert.Single(await InspectionSteps.FlagsAsync(supervisor, periodId, "hazard_overdue"));
        Assert.Equal(hazard.Id(), overdue.GetProperty("subject").GetString());
        var open = Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/hazards?period={periodId}")).EnumerateArray());
        Assert.True(open.GetProperty("overdue").GetBoolean());

        var closed = await admin.PostAsJsonAsync($"/api/v1/hazards/{hazard.Id()}:close", new { note = "已更换灭火器 replaced" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(InstantPattern.ExtendedIso.Format(due + Duration.FromHours(2)), (await closed.BodyAsync()).GetProperty("closedAt").GetString());
        Assert.Empty(await InspectionSteps.FlagsAsync(supervisor, periodId, "hazard_overdue"));
        Assert.Single(await InspectionSteps.FlagsAsync(supervisor, periodId, "hazard_overdue", all: true), f => !f.GetProperty("closedAt").ValueKind.Equals(JsonValueKind.Null));
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/hazards?period={periodId}")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/hazards/{hazard.Id()}:close", new { })).StatusCode);
    }
}
