using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Rosters;

/// <summary>Standby (备班) set and cleared by hand in the draft: the same If-Match and hard checks as a duty (unit, role,
/// employment type, leave, no overlap), a 422 naming the rule, audited, and nothing written when refused or not allowed.</summary>
public sealed class StandbyEditTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Standby_SetByHand_IsCheckedLikeADuty_AuditedAndClearedWithIfMatch()
    {
        var admin = await fixture.ClientAsync("admin");
        var periodId = await fixture.DemoPeriodIdAsync(admin);
        await StandbyShifts.AskForDayStandbyAsync(fixture, "standby-edit-bureau", periodId);
        var (absentId, leaveDay) = await LeaveTakerAsync(admin);
        var people = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{fixture.School1Id}/people?limit=200"))
            .GetProperty("items").EnumerateArray().ToList();
        string Pick(Func<JsonElement, bool> which, int skip = 0) => people.Where(which).Skip(skip).First().Id();
        bool Staff(JsonElement p) => p.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "staff");
        bool Formal(JsonElement p) => p.GetProperty("employmentType").GetString() == "formal";
        var leader = Pick(p => !Staff(p));
        var contract = Pick(p => Staff(p) && !Formal(p));
        var busy = Pick(p => Staff(p) && Formal(p) && p.Id() != absentId);
        var chosen = Pick(p => Staff(p) && Formal(p) && p.Id() != absentId, 1);

        var roster = $"/api/v1/periods/{periodId}/units/{fixture.School1Id}/roster";
        var slots = await admin.GetFromJsonAsync<JsonElement>($"{roster}/standby-slots?from={leaveDay}&to={leaveDay}");
        var slot = slots.EnumerateArray().Single();
        var slotKey = slot.GetProperty("slotKey").GetString()!;
        Assert.Equal(("D", "staff", JsonValueKind.Null), (slot.GetProperty("shiftCode").GetString(), slot.GetProperty("role").GetString(), slot.GetProperty("personId").ValueKind));

        // The same time on duty: the day-shift duty of that date, set by hand first.
        var duty = await admin.PutJsonAsync($"{roster}/assignments", new { slotKey = $"{leaveDay}/D/staff/0", personId = busy });
        Assert.True(duty.IsSuccessStatusCode, await duty.Content.ReadAsStringAsync());
        var etag = duty.Headers.ETag!.Tag;

        foreach (var (person, rule) in new[] { (leader, "qualification"), (contract, "employmentType"), (absentId, "availability"), (busy, "noOverlap") })
        {
            var refused = await admin.PutJsonAsync($"{roster}/standby", new { slotKey, personId = person }, etag);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.BodyAsync();
            Assert.Equal(rule, problem.GetProperty("rule").GetString());
            Assert.Equal(["personId"], await refused.ErrorFieldsAsync());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutJsonAsync($"{roster}/standby", new { slotKey = $"{leaveDay}/N/staff/0", personId = chosen }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.PutJsonAsync($"{roster}/standby", new { slotKey, personId = chosen }, "\"99.0\"")).StatusCode);
        var staff = await fixture.ClientAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutJsonAsync($"{roster}/standby", new { slotKey, personId = chosen }, etag)).StatusCode);
        var otherSchool = await fixture.ClientAsync("admin2");
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.PutJsonAsync($"{roster}/standby", new { slotKey, personId = chosen }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.DeleteAsync($"{roster}/standby?slot={Uri.EscapeDataString(slotKey)}", etag)).StatusCode);
        Assert.Equal((0, 0), await WrittenAsync(slotKey));

        var set = await admin.PutJsonAsync($"{roster}/standby", new { slotKey, personId = chosen }, etag);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.NotEqual(etag, set.Headers.ETag!.Tag);
        Assert.Equal(chosen, (await set.BodyAsync()).GetProperty("standby").GetProperty("personId").GetString());
        var draft = await admin.GetFromJsonAsync<JsonElement>($"{roster}?version=draft");
        var shown = draft.GetProperty("standby").EnumerateArray().Single(s => s.GetProperty("slotKey").GetString() == slotKey);
        Assert.Equal((chosen, "manual"), (shown.GetProperty("personId").GetString(), shown.GetProperty("source").GetString()));
        Assert.Equal((1, 1), await WrittenAsync(slotKey));

        // An edit based on the ETag before the change is stale; clearing with the current one removes the standby.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.DeleteAsync($"{roster}/standby?slot={Uri.EscapeDataString(slotKey)}", etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.DeleteAsync($"{roster}/standby?slot={Uri.EscapeDataString(slotKey)}", set.Headers.ETag!.Tag)).StatusCode);
        var cleared = await admin.DeleteAsync($"{roster}/standby?slot={Uri.EscapeDataString(slotKey)}", set.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await cleared.BodyAsync()).GetProperty("standby").ValueKind);
        Assert.Equal((0, 2), await WrittenAsync(slotKey));
        var after = await admin.GetFromJsonAsync<JsonElement>($"{roster}/standby-slots?from={leaveDay}&to={leaveDay}");
        Assert.Equal(JsonValueKind.Null, after.EnumerateArray().Single().GetProperty("personId").ValueKind);
    }

    /// <summary>Standby rows of the slot in any version, and audit entries of standby edits of it.</summary>
    private Task<(int Rows, int Audits)> WrittenAsync(string slotKey) => fixture.WithWorkAsync(async w => (
        await w.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM standby_assignments WHERE slot_key = @slotKey", new { slotKey }, w.Transaction),
        await w.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE entity = 'standby' AND entity_id LIKE '%/' || @slotKey", new { slotKey }, w.Transaction)));

    private async Task<(string PersonId, string Day)> LeaveTakerAsync(HttpClient admin)
    {
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{fixture.School1Id}/people?limit=200");
        foreach (var p in people.GetProperty("items").EnumerateArray())
        {
            var leaves = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{p.Id()}/leaves")).GetProperty("items");
            if (leaves.GetArrayLength() > 0)
            {
                return (p.Id(), leaves[0].GetProperty("firstDay").GetString()!);
            }
        }

        throw new InvalidOperationException("The demo has no leave.");
    }
}
