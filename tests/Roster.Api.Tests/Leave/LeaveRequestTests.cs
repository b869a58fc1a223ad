using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Leave;

public sealed class LeaveRequestTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task StaffAsks_AdminApproves_AffectedDutiesComeWithRankedCandidates_OneCallReplaces()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 21);
        await RosterSteps.PublishAsync(admin, periodId, api.School1Id);

        var staff = await api.ClientAsync("staff");
        var me = await staff.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var personId = me.GetProperty("personId").GetString();
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-10&to=2026-12-30")).EnumerateArray().First();
        var date = duty.GetProperty("date").GetString();

        var asked = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/leaves",
            new { firstDay = date, lastDay = date, reason = "家中有事 family matter", status = "approved" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var leave = await asked.BodyAsync();
        Assert.Equal("requested", leave.GetProperty("status").GetString());

        var selfApproval = await staff.PostAsync(new Uri($"/api/v1/leaves/{leave.Id()}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        var otherSchool = await (await api.ClientAsync("admin2")).PostAsync(new Uri($"/api/v1/leaves/{leave.Id()}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, otherSchool.StatusCode);

        var approved = await admin.PostAsJsonAsync($"/api/v1/leaves/{leave.Id()}:approve", new { note = "同意 approved" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decision = await approved.BodyAsync();
        Assert.Equal("approved", decision.GetProperty("leave").GetProperty("status").GetString());
        var affected = Assert.Single(decision.GetProperty("affected").EnumerateArray());
        Assert.Equal(duty.GetProperty("slotKey").GetString(), affected.GetProperty("slotKey").GetString());
        var candidates = affected.GetProperty("candidates").EnumerateArray().ToList();
        Assert.NotEmpty(candidates);
        Assert.DoesNotContain(candidates, c => c.GetProperty("personId").GetString() == personId);
        var scores = candidates.Select(c => c.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.Order().ToList(), scores);

        var again = await admin.PostAsync(new Uri($"/api/v1/leaves/{leave.Id()}:reject", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var best = candidates[0].GetProperty("personId").GetString();
        var replaced = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/replacements",
            new { slotKey = affected.GetProperty("slotKey").GetString(), personId = best });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published");
        Assert.True(roster.GetProperty("number").GetInt32() >= 2);
        var now = roster.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("slotKey").GetString() == affected.GetProperty("slotKey").GetString());
        Assert.Equal(best, now.GetProperty("personId").GetString());
    }

    [Fact]
    public async Task Replacement_WithSomeoneWhoBreaksARule_Is422()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        if ((await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published", UriKind.Relative))).StatusCode == HttpStatusCode.NotFound)
        {
            await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 22);
            await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        }

        var leader = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=leader")).GetProperty("items")[0].Id();
        var response = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/replacements",
            new { slotKey = "2026-12-12/D/staff/0", personId = leader });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(["personId"], await response.ErrorFieldsAsync());
    }
}
