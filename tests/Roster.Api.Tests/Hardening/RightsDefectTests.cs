using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Submissions;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Hardening;

/// <summary>Rights that probing found too wide: each answers as the rule says and writes nothing when it refuses.</summary>
public sealed class RightsDefectTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task DailyReport_BySupervisorWhoIsAPersonElsewhere_Is403WhileTheSchoolStillFilesIt()
    {
        var supervisor = await api.ClientAsync("supervisor");
        var school2Person = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School2Id}/people?limit=1")).GetProperty("items")[0].Id();
        await api.CreateAccountAsync("sup-person", Guid.Parse(school2Person), api.BureauId, GrantRoles.Supervisor);
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/daily-reports";

        var refused = await (await api.ClientAsync("sup-person")).PostAsJsonAsync(url, new { day = "2026-12-06", nothingToReport = true });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(url, new { day = "2026-12-06", nothingToReport = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await api.ClientAsync("staff")).PostAsJsonAsync(url, new { day = "2026-12-07", nothingToReport = true })).StatusCode);
    }

    [Fact]
    public async Task InspectionRequirements_WithoutUnit_ShowOnlyThoseOfTheCallersUnits()
    {
        var periodId = await OversightPeriods.CreateAsync(api, "要求可见性", requiresApproval: false);
        var supervisor = await api.ClientAsync("supervisor");
        var forSchool1 = await supervisor.PostAsJsonAsync($"/api/v1/periods/{periodId}/inspection-requirements", new
        {
            unitId = api.School1Id, kind = "fire_safety", title = "一中消防 school 1 fire", checklist = new[] { "灭火器 extinguishers" }, minCount = 1,
            windowFirst = "2026-12-03", windowLast = "2026-12-07",
        });
        Assert.Equal(HttpStatusCode.Created, forSchool1.StatusCode);
        var id = (await forSchool1.BodyAsync()).Id();

        var other = await (await api.ClientAsync("admin2")).GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/inspection-requirements");
        Assert.DoesNotContain(other.EnumerateArray(), r => r.Id() == id);
        var own = await (await api.ClientAsync("staff")).GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/inspection-requirements");
        Assert.Contains(own.EnumerateArray(), r => r.Id() == id);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("admin2", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    public async Task OversightScan_ByAccount_OnlyTheRootSupervisorRunsIt(string account, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await (await api.ClientAsync(account)).PostAsync(new Uri("/api/v1/oversight:scan", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task Approval_ByAnAccountThatAdministersTheSchoolAndSupervisesTheBureau_Is403()
    {
        var periodId = await OversightPeriods.CreateAsync(api, "自审", requiresApproval: true);
        await api.CreateAccountAsync("dual", null, api.School2Id, GrantRoles.Admin);
        await api.WithWorkAsync(async w =>
        {
            var id = (await AccountStore.FindByUsernameAsync(w, "dual", CancellationToken.None))!.Id;
            await AccountStore.GrantAsync(w, id, api.BureauId, GrantRoles.Supervisor, CancellationToken.None);
            return id;
        });
        var dual = await api.ClientAsync("dual");
        var roster = $"/api/v1/periods/{periodId}/units/{api.School2Id}";
        await RosterSteps.GenerateAsync(dual, periodId, api.School2Id, 5);
        var submitted = await dual.PostAsJsonAsync(roster + "/roster:submit", new { });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.BodyAsync()).Id();

        var self = await dual.PostAsJsonAsync($"/api/v1/submissions/{id}:approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("Separation of duties", (await self.BodyAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await dual.GetAsync(new Uri(roster + "/roster?version=published", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.ClientAsync("supervisor")).PostAsJsonAsync($"/api/v1/submissions/{id}:approve", new { })).StatusCode);
    }

    [Fact]
    public async Task Leave_OfAnAdminWhoIsThePerson_CannotBeApprovedByThemself()
    {
        var admin = await api.ClientAsync("admin");
        var person = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff&limit=200")).GetProperty("items")
            .EnumerateArray().Last().Id();
        await api.CreateAccountAsync("admin-person", Guid.Parse(person), api.School1Id, GrantRoles.Admin);
        var self = await api.ClientAsync("admin-person");

        var created = await self.PostAsJsonAsync($"/api/v1/people/{person}/leaves", new { firstDay = "2026-12-21", lastDay = "2026-12-22", kind = "leave" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var leave = await created.BodyAsync();
        Assert.Equal("requested", leave.GetProperty("status").GetString());
        var approve = await self.PostAsJsonAsync($"/api/v1/leaves/{leave.Id()}:approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/leaves/{leave.Id()}:approve", new { })).StatusCode);
    }
}
