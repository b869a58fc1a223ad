using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Submissions;

namespace Roster.Api.Tests.Hardening;

/// <summary>Live changes of a roster the unit above approved: refused unless urgent, and then audited and told above.</summary>
public sealed class ApprovalGateTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Replacement_InAnApprovalPeriodWithoutUrgencyOrReason_IsRefusedAndChangesNothing()
    {
        var (admin2, roster, candidate) = await ApprovedRosterAsync("审批闸门", 8);
        var before = await admin2.GetFromJsonAsync<JsonElement>(roster + "?version=published");
        var plain = await admin2.PostAsJsonAsync(roster + "/replacements", new { slotKey = ReplacedSlot, personId = candidate });
        Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
        Assert.Equal(["urgent"], await plain.ErrorFieldsAsync());
        var noReason = await admin2.PostAsJsonAsync(roster + "/replacements", new { slotKey = ReplacedSlot, personId = candidate, urgent = true });
        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        var unchanged = await admin2.GetFromJsonAsync<JsonElement>(roster + "?version=published");
        Assert.Equal(before.GetProperty("number").GetInt32(), unchanged.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Replacement_InAnApprovalPeriodUrgentWithReason_IsAuditedAndTheUnitAboveIsTold()
    {
        var (admin2, roster, candidate) = await ApprovedRosterAsync("审批闸门 urgent", 8);
        var urgent = await admin2.PostAsJsonAsync(roster + "/replacements",
            new { slotKey = ReplacedSlot, personId = candidate, urgent = true, reason = "值班人员突发疾病 sudden illness" });
        Assert.True(urgent.StatusCode == HttpStatusCode.OK, await urgent.Content.ReadAsStringAsync());
        var audit = await admin2.GetFromJsonAsync<JsonElement>($"/api/v1/audit?unit={api.School2Id}&entity=assignment");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "urgent-replace");
        var inbox = await (await api.ClientAsync("supervisor")).GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("reason").GetString() == "urgent_roster_change");
    }

    [Fact]
    public async Task SwapApproval_InAnApprovalPeriod_NeedsTheUrgentFlag()
    {
        var periodId = await OversightPeriods.CreateAsync(api, "换班闸门", requiresApproval: true);
        var admin2 = await api.ClientAsync("admin2");
        var supervisor = await api.ClientAsync("supervisor");
        var unit = $"/api/v1/periods/{periodId}/units/{api.School2Id}";
        await RosterSteps.GenerateAsync(admin2, periodId, api.School2Id, 9);
        var submitted = await (await admin2.PostAsJsonAsync(unit + "/roster:submit", new { })).BodyAsync();
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/submissions/{submitted.Id()}:approve", new { })).StatusCode);
        const string Slot = "2026-12-07/N/staff/0";
        var candidate = (await admin2.GetFromJsonAsync<JsonElement>(unit + $"/roster/candidates?slot={Slot}"))[0].GetProperty("personId").GetString();
        var offer = await (await admin2.PostAsJsonAsync(unit + "/swaps", new { slotKey = Slot, kind = "giveaway" })).BodyAsync();

        var accepted = await admin2.PostAsJsonAsync($"/api/v1/swaps/{offer.Id()}:accept", new { personId = candidate });
        Assert.Equal("accepted", (await accepted.BodyAsync()).GetProperty("status").GetString());
        var plain = await admin2.PostAsJsonAsync($"/api/v1/swaps/{offer.Id()}:approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
        var urgent = await admin2.PostAsJsonAsync($"/api/v1/swaps/{offer.Id()}:approve", new { urgent = true, note = "家中急事 family emergency" });
        Assert.True(urgent.StatusCode == HttpStatusCode.OK, await urgent.Content.ReadAsStringAsync());
        var holder = (await admin2.GetFromJsonAsync<JsonElement>(unit + "/roster?version=published")).GetProperty("assignments").EnumerateArray()
            .Single(a => a.GetProperty("slotKey").GetString() == Slot);
        Assert.Equal(candidate, holder.GetProperty("personId").GetString());
    }

    private const string ReplacedSlot = "2026-12-06/D/staff/0";

    /// <summary>A new approval period with School 2's roster generated, submitted and approved: School 2's admin, the
    /// roster's address and the first candidate for <see cref="ReplacedSlot"/>.</summary>
    private async Task<(HttpClient Admin2, string Roster, string? Candidate)> ApprovedRosterAsync(string name, int seed)
    {
        var periodId = await OversightPeriods.CreateAsync(api, name, requiresApproval: true);
        var admin2 = await api.ClientAsync("admin2");
        var roster = $"/api/v1/periods/{periodId}/units/{api.School2Id}/roster";
        await RosterSteps.GenerateAsync(admin2, periodId, api.School2Id, seed);
        var submitted = await (await admin2.PostAsJsonAsync(roster + ":submit", new { })).BodyAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await api.ClientAsync("supervisor")).PostAsJsonAsync($"/api/v1/submissions/{submitted.Id()}:approve", new { })).StatusCode);
        var candidate = (await admin2.GetFromJsonAsync<JsonElement>(roster + $"/candidates?slot={ReplacedSlot}"))[0].GetProperty("personId").GetString();
        return (admin2, roster, candidate);
    }
}
