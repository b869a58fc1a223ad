using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Submissions;

public sealed class SubmissionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Submission_ReturnedFixedResubmittedApproved_PublishesAndBoardShowsEachState()
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await OversightPeriods.CreateAsync(api, "报备周期", requiresApproval: true, submissionDue: "2026-12-01T06:00:00Z");
        var admin = await api.ClientAsync("admin");
        var supervisor = await api.ClientAsync("supervisor");
        var roster = $"/api/v1/periods/{periodId}/units/{api.School1Id}";
        Assert.Equal("not_started", await BoardStateAsync(supervisor, periodId, api.School1Id));

        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, 7);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync(new Uri(roster + "/roster:publish", UriKind.Relative), null)).StatusCode);
        Assert.Equal("draft", await BoardStateAsync(supervisor, periodId, api.School1Id));

        var first = await admin.PostAsJsonAsync(roster + "/roster:submit", new { note = "请审批" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.BodyAsync()).Id();
        Assert.Equal("submitted", await BoardStateAsync(supervisor, periodId, api.School1Id));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(roster + "/roster:submit", new { })).StatusCode);

        var returned = await supervisor.PostAsJsonAsync($"/api/v1/submissions/{firstId}:return", new
        {
            note = "请调整",
            comments = new object[] { new { date = "2026-12-03", text = "当天白班人选请更换" }, new { slotKey = "2026-12-04/N/staff/0", text = "夜班需男职工" } },
        });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var returnedBody = await returned.BodyAsync();
        Assert.Equal("returned", returnedBody.GetProperty("state").GetString());
        Assert.Equal(2, returnedBody.GetProperty("comments").GetArrayLength());
        Assert.Equal("2026-12-04/N/staff/0", returnedBody.GetProperty("comments")[1].GetProperty("slotKey").GetString());
        Assert.Equal("returned", await BoardStateAsync(supervisor, periodId, api.School1Id));
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/submissions/{firstId}:approve", new { })).StatusCode);

        var (slot, before, after) = await ReassignAsync(admin, roster, "2026-12-03/D/staff/0");
        var second = await admin.PostAsJsonAsync(roster + "/roster:submit", new { });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondBody = await second.BodyAsync();
        var changes = secondBody.GetProperty("changesSinceReturn");
        Assert.Equal(1, changes.GetProperty("fromSubmission").GetInt32());
        var change = Assert.Single(changes.GetProperty("changed").EnumerateArray());
        Assert.Equal(slot, change.GetProperty("slotKey").GetString());
        Assert.Equal(before, change.GetProperty("fromPersonId").GetString());
        Assert.Equal(after, change.GetProperty("toPersonId").GetString());

        var approved = await supervisor.PostAsJsonAsync($"/api/v1/submissions/{secondBody.Id()}:approve", new { note = "同意" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approvedBody = await approved.BodyAsync();
        Assert.Equal("approved", approvedBody.GetProperty("submission").GetProperty("state").GetString());
        var published = await admin.GetFromJsonAsync<JsonElement>(roster + "/roster?version=published");
        Assert.Equal(approvedBody.GetProperty("published").GetProperty("version").Id(), published.GetProperty("versionId").GetString());
        Assert.Contains(published.GetProperty("assignments").EnumerateArray(),
            a => a.GetProperty("slotKey").GetString() == slot && a.GetProperty("personId").GetString() == after);
        Assert.Equal("approved", await BoardStateAsync(supervisor, periodId, api.School1Id));
        var history = await admin.GetFromJsonAsync<JsonElement>(roster + "/submissions");
        Assert.Equal(["approved", "returned"], history.EnumerateArray().Select(s => s.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Approval_AfterTheDraftChanged_Is409NamingRosterAndPublishesNothing()
    {
        var (_, roster, first) = await SubmittedThenChangedAsync("改动后审批");
        var stale = await (await api.ClientAsync("supervisor")).PostAsJsonAsync($"/api/v1/submissions/{first}:approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(["roster"], await stale.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).GetAsync(new Uri(roster + "/roster?version=published", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Resubmit_AfterTheDraftChanged_WithdrawsThePendingOneAndCanBeApproved()
    {
        var (admin2, roster, _) = await SubmittedThenChangedAsync("改动后重报");
        var second = await admin2.PostAsJsonAsync(roster + "/roster:submit", new { });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var history = await admin2.GetFromJsonAsync<JsonElement>(roster + "/submissions");
        Assert.Equal(["submitted", "withdrawn"], history.EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await (await api.ClientAsync("supervisor")).PostAsJsonAsync($"/api/v1/submissions/{(await second.BodyAsync()).Id()}:approve", new { })).StatusCode);
    }

    private static async Task<string> BoardStateAsync(HttpClient client, string periodId, Guid unitId)
    {
        var board = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/submission-board");
        return board.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unitId.ToString())
            .GetProperty("state").GetString()!;
    }

    /// <summary>Puts another staff member in the slot of the draft (forced, so no rule stops the test); returns who was replaced by whom.</summary>
    internal static async Task<(string Slot, string Before, string After)> ReassignAsync(HttpClient admin, string roster, string slot)
    {
        var draft = await admin.GetFromJsonAsync<JsonElement>(roster + "/roster?version=draft");
        var assignments = draft.GetProperty("assignments").EnumerateArray().ToList();
        var before = assignments.Single(a => a.GetProperty("slotKey").GetString() == slot).GetProperty("personId").GetString()!;
        var unitId = draft.GetProperty("unitId").GetString();
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unitId}/people?role=staff&limit=200");
        var busy = assignments.Where(a => a.GetProperty("date").GetString() == slot[..10]).Select(a => a.GetProperty("personId").GetString()).ToHashSet();
        var after = people.GetProperty("items").EnumerateArray().Select(p => p.Id()).First(id => id != before && !busy.Contains(id));
        var put = await admin.PutJsonAsync(roster + "/roster/assignments", new { slotKey = slot, personId = after, force = true, reason = "测试 test" });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        return (slot, before, after);
    }

    /// <summary>A new approval period whose School 2 roster was submitted and then changed by hand: School 2's admin,
    /// the unit's address in the period and the first submission's id.</summary>
    private async Task<(HttpClient Admin2, string Roster, string First)> SubmittedThenChangedAsync(string name)
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await OversightPeriods.CreateAsync(api, name, requiresApproval: true);
        var admin2 = await api.ClientAsync("admin2");
        var roster = $"/api/v1/periods/{periodId}/units/{api.School2Id}";
        await RosterSteps.GenerateAsync(admin2, periodId, api.School2Id, 3);
        var first = await (await admin2.PostAsJsonAsync(roster + "/roster:submit", new { })).BodyAsync();
        await ReassignAsync(admin2, roster, "2026-12-05/N/staff/0");
        return (admin2, roster, first.Id());
    }
}
