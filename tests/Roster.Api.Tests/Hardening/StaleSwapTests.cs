using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.DutyOperations;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Hardening;

/// <summary>Swaps whose duties changed hands since they were offered or accepted.</summary>
public sealed class StaleSwapTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Offer_WhoseDutyWasReplaced_IsCancelledAndCannotBeAccepted()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 61);
        var staff = await api.ClientAsync("staff");
        var admin = await api.ClientAsync("admin");
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-10&to=2026-12-30")).EnumerateArray().First();
        var slotKey = duty.GetProperty("slotKey").GetString()!;
        var offer = await (await staff.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/swaps", new { slotKey, kind = "giveaway" })).BodyAsync();
        var roster = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster";
        var candidates = (await admin.GetFromJsonAsync<JsonElement>(roster + $"/candidates?slot={slotKey}")).EnumerateArray()
            .Select(c => c.GetProperty("personId").GetString()!).ToList();
        Assert.True(candidates.Count >= 2);

        var replaced = await admin.PostAsJsonAsync(roster + "/replacements", new { slotKey, personId = candidates[0] });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var swap = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/swaps");
        Assert.Equal("cancelled", swap.EnumerateArray().Single(s => s.Id() == offer.Id()).GetProperty("status").GetString());

        var accept = await admin.PostAsJsonAsync($"/api/v1/swaps/{offer.Id()}:accept", new { personId = candidates[1] });
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        var holder = (await PublishedRoster.AssignmentsAsync(api, periodId)).Single(a => a.GetProperty("slotKey").GetString() == slotKey);
        Assert.Equal(candidates[0], holder.GetProperty("personId").GetString());
    }

    [Fact]
    public async Task AcceptedSwap_WhoseSlotWasClearedByAPublish_IsCancelledAndCannotBeApproved()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 61);
        var staff = await api.ClientAsync("staff");
        var admin = await api.ClientAsync("admin");
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-16&to=2026-12-31")).EnumerateArray().Last();
        var slotKey = duty.GetProperty("slotKey").GetString()!;
        var roster = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster";
        var candidate = (await admin.GetFromJsonAsync<JsonElement>(roster + $"/candidates?slot={slotKey}"))[0].GetProperty("personId").GetString();
        var offer = await (await staff.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/swaps", new { slotKey, kind = "giveaway" })).BodyAsync();
        var accepted = await admin.PostAsJsonAsync($"/api/v1/swaps/{offer.Id()}:accept", new { personId = candidate });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync(roster + $"/assignments?slot={slotKey}", null)).StatusCode);
        await RosterSteps.PublishAsync(admin, periodId, api.School1Id);

        var approve = await admin.PostAsJsonAsync($"/api/v1/swaps/{offer.Id()}:approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        var swaps = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/swaps");
        Assert.Equal("cancelled", swaps.EnumerateArray().Single(s => s.Id() == offer.Id()).GetProperty("status").GetString());
    }
}
