using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.DutyOperations;

public sealed class SwapTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task GiveAway_AcceptedByColleague_WaitsForApproval_ThenThePublishedRosterChanges()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 51);
        var staff = await api.ClientAsync("staff");
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-05&to=2026-12-30")).EnumerateArray().First();
        var slotKey = duty.GetProperty("slotKey").GetString()!;
        var colleague = await CandidateAsync(periodId, slotKey);
        var user = "colleague-" + Guid.NewGuid().ToString("N")[..6];
        await api.CreateAccountAsync(user, Guid.Parse(colleague), api.School1Id, "staff");

        var offer = await staff.PostAsJsonAsync(SwapsUrl(periodId), new { slotKey, kind = "giveaway", note = "孩子生病 child is ill" });
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        var swapId = (await offer.BodyAsync()).Id();
        var duplicate = await staff.PostAsJsonAsync(SwapsUrl(periodId), new { slotKey, kind = "giveaway" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var accepted = await (await api.ClientAsync(user)).PostAsync(new Uri($"/api/v1/swaps/{swapId}:accept", UriKind.Relative), null);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        Assert.Equal("accepted", (await accepted.BodyAsync()).GetProperty("status").GetString());
        // Until an admin approves, the duty stays with the person who offered it.
        var before = (await PublishedRoster.AssignmentsAsync(api, periodId)).Single(a => a.GetProperty("slotKey").GetString() == slotKey);
        Assert.NotEqual(colleague, before.GetProperty("personId").GetString());

        var staffCannotApprove = await staff.PostAsync(new Uri($"/api/v1/swaps/{swapId}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, staffCannotApprove.StatusCode);
        var approved = await (await api.ClientAsync("admin")).PostAsync(new Uri($"/api/v1/swaps/{swapId}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var holder = (await PublishedRoster.AssignmentsAsync(api, periodId)).Single(a => a.GetProperty("slotKey").GetString() == slotKey);
        Assert.Equal(colleague, holder.GetProperty("personId").GetString());
        Assert.Equal("swap", holder.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Accept_ByALeaderForAStaffDuty_Is422_AndNothingChanges()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 51);
        var staff = await api.ClientAsync("staff");
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-20&to=2026-12-30")).EnumerateArray().First();
        var slotKey = duty.GetProperty("slotKey").GetString()!;
        var offer = await (await staff.PostAsJsonAsync(SwapsUrl(periodId), new { slotKey, kind = "giveaway" })).BodyAsync();

        var admin = await api.ClientAsync("admin");
        var leader = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=leader")).GetProperty("items")[0].Id();
        var refused = await admin.PostAsJsonAsync($"/api/v1/swaps/{offer.Id()}:accept", new { personId = leader });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains((await refused.BodyAsync()).GetProperty("violations").EnumerateArray(), v => v.GetProperty("ruleType").GetString() == "qualification");
        var still = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/swaps?status=offered")).EnumerateArray();
        Assert.Contains(still, s => s.Id() == offer.Id());

        var cancelled = await staff.PostAsync(new Uri($"/api/v1/swaps/{offer.Id()}:cancel", UriKind.Relative), null);
        Assert.Equal("cancelled", (await cancelled.BodyAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Offer_SomeoneElsesDuty_Is403_FromAnotherSchool_Is404()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 51);
        var staff = await api.ClientAsync("staff");
        var mine = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-30")).EnumerateArray()
            .Select(d => d.GetProperty("slotKey").GetString()).ToHashSet();
        var other = (await PublishedRoster.AssignmentsAsync(api, periodId)).First(a => !mine.Contains(a.GetProperty("slotKey").GetString()));
        var slotKey = other.GetProperty("slotKey").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync(SwapsUrl(periodId), new { slotKey })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).PostAsJsonAsync(SwapsUrl(periodId), new { slotKey })).StatusCode);
    }

    private string SwapsUrl(string periodId) => $"/api/v1/periods/{periodId}/units/{api.School1Id}/swaps";

    /// <summary>A formal staff member who could take the slot (the engine's replacement ranking).</summary>
    private async Task<string> CandidateAsync(string periodId, string slotKey)
    {
        var admin = await api.ClientAsync("admin");
        var candidates = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/candidates?slot={slotKey}");
        return candidates[0].GetProperty("personId").GetString()!;
    }
}
