using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.DutyOperations;

public sealed class SwapTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Offer_SameDutyTwice_Is409()
    {
        var offer = await OfferAsync(0);
        var duplicate = await offer.Staff.PostAsJsonAsync(SwapsUrl(offer.PeriodId), new { offer.SlotKey, kind = "giveaway" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task GiveAway_AcceptedByColleague_StaysWithTheOffererUntilApproved()
    {
        var offer = await OfferAsync(1);
        var accepted = await AcceptAsync(offer);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        Assert.Equal("accepted", (await accepted.BodyAsync()).GetProperty("status").GetString());
        var before = (await PublishedRoster.AssignmentsAsync(api, offer.PeriodId)).Single(a => a.GetProperty("slotKey").GetString() == offer.SlotKey);
        Assert.NotEqual(offer.Colleague, before.GetProperty("personId").GetString());
    }

    [Fact]
    public async Task Approve_ByStaff_Is403()
    {
        var offer = await OfferAsync(2);
        await AcceptAsync(offer);
        var staffCannotApprove = await offer.Staff.PostAsync(new Uri($"/api/v1/swaps/{offer.SwapId}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, staffCannotApprove.StatusCode);
    }

    [Fact]
    public async Task GiveAway_ApprovedByAdmin_MovesThePublishedDutyToTheColleague()
    {
        var offer = await OfferAsync(3);
        await AcceptAsync(offer);
        var approved = await (await api.ClientAsync("admin")).PostAsync(new Uri($"/api/v1/swaps/{offer.SwapId}:approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var holder = (await PublishedRoster.AssignmentsAsync(api, offer.PeriodId)).Single(a => a.GetProperty("slotKey").GetString() == offer.SlotKey);
        Assert.Equal(offer.Colleague, holder.GetProperty("personId").GetString());
        Assert.Equal("swap", holder.GetProperty("source").GetString());
    }



    [Fact]
    public async Task Accept_ByALeaderForAStaffDuty_Is422AndTheOfferStaysOpen()
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
    public async Task Offer_SomeoneElsesDuty_Is403()
    {
        var (periodId, slotKey) = await SomeoneElsesDutyAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.ClientAsync("staff")).PostAsJsonAsync(SwapsUrl(periodId), new { slotKey })).StatusCode);
    }

    [Fact]
    public async Task Offer_DutyFromAnotherSchool_Is404()
    {
        var (periodId, slotKey) = await SomeoneElsesDutyAsync();
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

    /// <summary>A published School 1 duty that is not the staff member's.</summary>
    private async Task<(string PeriodId, string? SlotKey)> SomeoneElsesDutyAsync()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 51);
        var staff = await api.ClientAsync("staff");
        var mine = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-30")).EnumerateArray()
            .Select(d => d.GetProperty("slotKey").GetString()).ToHashSet();
        var other = (await PublishedRoster.AssignmentsAsync(api, periodId)).First(a => !mine.Contains(a.GetProperty("slotKey").GetString()));
        return (periodId, other.GetProperty("slotKey").GetString());
    }

    /// <summary>The staff member gives away their <paramref name="index"/>th December duty (not the one the leader test
    /// offers) to a colleague the engine ranks first, who gets an account. The test that moves a duty away uses the
    /// highest index, so the others' indexes stay put.</summary>
    private async Task<(string PeriodId, HttpClient Staff, string SlotKey, string SwapId, string Colleague, string User)> OfferAsync(int index)
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 51);
        var staff = await api.ClientAsync("staff");
        var leaders = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-20&to=2026-12-30")).EnumerateArray().First().GetProperty("slotKey").GetString();
        var duties = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-30")).EnumerateArray()
            .Where(d => d.GetProperty("slotKey").GetString() != leaders).ToList();
        Assert.True(duties.Count > index, $"the staff member has {duties.Count} duties besides the leader test's");
        var duty = duties[index];
        var slotKey = duty.GetProperty("slotKey").GetString()!;
        var colleague = await CandidateAsync(periodId, slotKey);
        var user = "colleague-" + Guid.NewGuid().ToString("N")[..6];
        await api.CreateAccountAsync(user, Guid.Parse(colleague), api.School1Id, "staff");
        var offer = await staff.PostAsJsonAsync(SwapsUrl(periodId), new { slotKey, kind = "giveaway", note = "孩子生病 child is ill" });
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        return (periodId, staff, slotKey, (await offer.BodyAsync()).Id(), colleague, user);
    }

    private async Task<HttpResponseMessage> AcceptAsync((string PeriodId, HttpClient Staff, string SlotKey, string SwapId, string Colleague, string User) offer) =>
        await (await api.ClientAsync(offer.User)).PostAsync(new Uri($"/api/v1/swaps/{offer.SwapId}:accept", UriKind.Relative), null);
}
