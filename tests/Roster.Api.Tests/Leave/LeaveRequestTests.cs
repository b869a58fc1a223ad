using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Leave;

public sealed class LeaveRequestTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Leave_AskedByStaffAsApproved_IsRequested()
    {
        var (_, leave, _) = await AskAsync(0);
        Assert.Equal("requested", leave.GetProperty("status").GetString());
    }

    [Fact]
    public async Task LeaveApproval_ByTheAskerOrAnotherSchool_IsRefused()
    {
        var (_, leave, _) = await AskAsync(1);
        var selfApproval = await (await api.ClientAsync("staff")).PostAsync(new Uri($"/api/v1/leaves/{leave.Id()}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        var otherSchool = await (await api.ClientAsync("admin2")).PostAsync(new Uri($"/api/v1/leaves/{leave.Id()}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, otherSchool.StatusCode);
    }

    [Fact]
    public async Task LeaveApproval_ByTheAdmin_ListsTheAffectedDutyWithRankedCandidates()
    {
        var (decision, duty, personId) = await ApproveAsync(2);
        Assert.Equal("approved", decision.GetProperty("leave").GetProperty("status").GetString());
        var affected = Assert.Single(decision.GetProperty("affected").EnumerateArray());
        Assert.Equal(duty.GetProperty("slotKey").GetString(), affected.GetProperty("slotKey").GetString());
        var candidates = affected.GetProperty("candidates").EnumerateArray().ToList();
        Assert.NotEmpty(candidates);
        Assert.DoesNotContain(candidates, c => c.GetProperty("personId").GetString() == personId);
        var scores = candidates.Select(c => c.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.Order().ToList(), scores);
    }

    [Fact]
    public async Task LeaveDecision_AfterApproval_Is409()
    {
        var (decision, _, _) = await ApproveAsync(3);
        var again = await (await api.ClientAsync("admin")).PostAsync(new Uri($"/api/v1/leaves/{decision.GetProperty("leave").Id()}:reject", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Replacement_WithTheFirstCandidate_ChangesThePublishedRoster()
    {
        // The highest index: the duty leaves the staff member, so the others' indexes stay put.
        var (decision, _, _) = await ApproveAsync(4);
        var affected = decision.GetProperty("affected")[0];
        var best = affected.GetProperty("candidates")[0].GetProperty("personId").GetString();
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
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
        await PublishDemoRosterAsync(admin, periodId);

        var leader = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=leader")).GetProperty("items")[0].Id();
        var response = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/replacements",
            new { slotKey = "2026-12-12/D/staff/0", personId = leader });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(["personId"], await response.ErrorFieldsAsync());
    }

    /// <summary>With the demo roster published (seed 21, once), the staff member asks for leave on the day of their
    /// <paramref name="index"/>th duty from 10 December, posting status "approved" (which staff may not set): the
    /// leave as created, the duty, and the staff member's person id.</summary>
    private async Task<(HttpResponseMessage Asked, JsonElement Leave, (JsonElement Duty, string? PersonId) Of)> AskAsync(int index)
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        await PublishDemoRosterAsync(admin, periodId);

        var staff = await api.ClientAsync("staff");
        var personId = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("personId").GetString();
        var duties = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-10&to=2026-12-30")).EnumerateArray().ToList();
        Assert.True(duties.Count > index, $"the staff member has {duties.Count} duties from 10 December");
        var date = duties[index].GetProperty("date").GetString();
        var asked = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/leaves",
            new { firstDay = date, lastDay = date, reason = "家中有事 family matter", status = "approved" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        return (asked, await asked.BodyAsync(), (duties[index], personId));
    }

    /// <summary>School 1's demo roster generated with seed 21 and published, once per class: every test of the class
    /// counts the staff member's duties in that same roster, whichever test runs first.</summary>
    private async Task PublishDemoRosterAsync(HttpClient admin, string periodId)
    {
        if ((await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published", UriKind.Relative))).StatusCode == HttpStatusCode.NotFound)
        {
            await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 21);
            await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        }
    }

    /// <summary>A leave asked for (see <see cref="AskAsync"/>) and approved by School 1's admin: the decision, the duty
    /// and the staff member's person id.</summary>
    private async Task<(JsonElement Decision, JsonElement Duty, string? PersonId)> ApproveAsync(int index)
    {
        var (_, leave, (duty, personId)) = await AskAsync(index);
        var approved = await (await api.ClientAsync("admin")).PostAsJsonAsync($"/api/v1/leaves/{leave.Id()}:approve", new { note = "同意 approved" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return (await approved.BodyAsync(), duty, personId);
    }
}
