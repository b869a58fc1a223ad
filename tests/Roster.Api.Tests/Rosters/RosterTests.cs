using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Rosters;

public sealed class RosterTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Generate_DemoSchool_DraftFillsEverySlotWithoutBreakingRules()
    {
        var (admin, periodId) = await AdminAsync();
        var job = await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 1);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(0, job.GetProperty("statistics").GetProperty("hardViolations").GetInt32());
        Assert.True(job.GetProperty("statistics").GetProperty("legal").GetBoolean());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("error").ValueKind);

        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster");
        Assert.Equal("draft", roster.GetProperty("status").GetString());
        var assignments = roster.GetProperty("assignments").EnumerateArray().ToList();
        var slots = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/slots?limit=200");
        Assert.Equal(slots.GetProperty("items").GetArrayLength(), assignments.Count + roster.GetProperty("unfilled").GetArrayLength());
        Assert.Equal(90, slots.GetProperty("items").GetArrayLength());
        Assert.Empty(roster.GetProperty("unfilled").EnumerateArray());

        // The demo puts one staff member on leave from 12-06 to 12-08: none of their duties falls on those days.
        var onLeave = await LeaveTakerAsync(admin);
        Assert.DoesNotContain(assignments, a => a.GetProperty("personId").GetString() == onLeave
            && string.CompareOrdinal(a.GetProperty("date").GetString(), "2026-12-06") >= 0
            && string.CompareOrdinal(a.GetProperty("date").GetString(), "2026-12-08") <= 0);
        // Leaders lead, staff staff: qualification holds in every slot.
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?limit=200");
        var roles = people.GetProperty("items").EnumerateArray().ToDictionary(p => p.Id(), p => p.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList());
        Assert.All(assignments, a => Assert.Contains(a.GetProperty("role").GetString(), roles[a.GetProperty("personId").GetString()!]));
    }

    [Fact]
    public async Task Generate_SameSeedAndIterationsTwice_GivesTheSameRoster()
    {
        var (admin, periodId) = await AdminAsync();
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 7, iterations: 20_000);
        var first = await AssignmentMapAsync(admin, periodId, "draft");
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 7, iterations: 20_000);
        var second = await AssignmentMapAsync(admin, periodId, "draft");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task HandEdit_BreakingQualification_Is422NamingTheRule()
    {
        var (admin, _, url, leader) = await LeaderForAStaffSlotAsync();
        var refused = await admin.PutJsonAsync(url, new { slotKey = "2026-12-10/D/staff/0", personId = leader });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var problem = await refused.BodyAsync();
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("ruleType").GetString() == "qualification");
    }

    [Fact]
    public async Task HandEdit_ForcedWithoutReason_Is400NamingReason()
    {
        var (admin, _, url, leader) = await LeaderForAStaffSlotAsync();
        var noReason = await admin.PutJsonAsync(url, new { slotKey = "2026-12-10/D/staff/0", personId = leader, force = true });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
    }

    [Fact]
    public async Task HandEdit_ForcedWithReason_IsMarkedForcedAndAudited()
    {
        var (admin, _, url, leader) = await LeaderForAStaffSlotAsync();
        var forced = await admin.PutJsonAsync(url, new { slotKey = "2026-12-10/D/staff/0", personId = leader, force = true, reason = "演练 drill" });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.True((await forced.BodyAsync()).GetProperty("assignment").GetProperty("forced").GetBoolean());
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?unit={api.School1Id}&entity=assignment");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "force");
    }

    [Fact]
    public async Task Publish_DraftWithAForcedEdit_PublishesOnceThen409()
    {
        var (admin, periodId, url, leader) = await LeaderForAStaffSlotAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync(url, new { slotKey = "2026-12-10/D/staff/0", personId = leader, force = true, reason = "演练 drill" })).StatusCode);
        var published = await admin.PostAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster:publish", UriKind.Relative), null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        Assert.Equal("published", (await published.BodyAsync()).GetProperty("version").GetProperty("status").GetString());
        var again = await admin.PostAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster:publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Generate_WithAPinnedForcedBreach_EndsMarkedIllegalListingEachViolation()
    {
        var admin = await api.ClientAsync("admin");
        var unit = await (await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "breach", name = "违规" })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id()}/people", new { name = "领导甲", roles = new[] { "leader" } });
        var staff = await (await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id()}/people", new { name = "职员乙", roles = new[] { "staff" } })).BodyAsync();
        var period = await (await admin.PostAsJsonAsync("/api/v1/periods", new { unitId = unit.Id(), name = "违规", firstDay = "2027-01-04", lastDay = "2027-01-05" })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        var unitId = Guid.Parse(unit.Id());
        await RosterSteps.GenerateAsync(admin, period.Id(), unitId, seed: 1, iterations: 5_000);
        // A staff member forced into the leader's slot and pinned there: no regeneration can make that roster legal.
        var slot = "2027-01-04/L24/leader/0";
        var forced = await admin.PutJsonAsync($"/api/v1/periods/{period.Id()}/units/{unit.Id()}/roster/assignments",
            new { slotKey = slot, personId = staff.Id(), force = true, reason = "演练 drill" });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var pin = await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/units/{unit.Id()}/roster/pins", new { slotKey = slot, pinned = true });
        Assert.Equal(HttpStatusCode.OK, pin.StatusCode);

        var job = await RosterSteps.GenerateAsync(admin, period.Id(), unitId, seed: 2, iterations: 5_000);
        var statistics = job.GetProperty("statistics");
        Assert.False(statistics.GetProperty("legal").GetBoolean());
        var violations = statistics.GetProperty("violations").EnumerateArray().ToList();
        Assert.Equal(statistics.GetProperty("hardViolations").GetInt32(), violations.Count);
        Assert.Contains(violations, v => v.GetProperty("ruleType").GetString() == "qualification"
            && v.GetProperty("personId").GetString() == staff.Id() && v.GetProperty("message").GetString()!.Length > 0);
        var note = job.GetProperty("error").GetString()!;
        Assert.Contains("No legal roster found", note, StringComparison.Ordinal);
        Assert.Contains("未找到合规排班", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regenerate_AfterPublish_KeepsThePinnedAssignment()
    {
        var (_, _, _, draft, other) = await RegenerateWithAPinAsync();
        Assert.Equal(other, draft[PinnedSlot]);
    }

    [Fact]
    public async Task Regenerate_AfterPublish_ChangesLessThanHalfOfTheRoster()
    {
        var (_, _, published, draft, _) = await RegenerateWithAPinAsync();
        var changed = draft.Count(d => published.GetValueOrDefault(d.Key) != d.Value);
        Assert.True(changed < draft.Count / 2, $"{changed} of {draft.Count} changed");
    }

    [Fact]
    public async Task Diff_AfterRegenerate_ListsEveryChangeAgainstThePublishedRoster()
    {
        var (admin, periodId, published, draft, _) = await RegenerateWithAPinAsync();
        var changed = draft.Count(d => published.GetValueOrDefault(d.Key) != d.Value);
        var diff = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/diff");
        Assert.Contains(diff.GetProperty("changed").EnumerateArray(), c => c.GetProperty("slotKey").GetString() == PinnedSlot);
        Assert.Equal(changed, diff.GetProperty("changed").GetArrayLength() + diff.GetProperty("added").GetArrayLength());
    }

    [Fact]
    public async Task Unfilled_WhenTheOnlyLeaderIsOnLeave_ExplainsWhy()
    {
        var admin = await api.ClientAsync("admin");
        var unit = await (await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "tiny", name = "小分部" })).BodyAsync();
        var leader = await (await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id()}/people", new { name = "唯一领导", roles = new[] { "leader" } })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/people/{leader.Id()}/leaves", new { firstDay = "2027-01-04", lastDay = "2027-01-05" });
        var period = await (await admin.PostAsJsonAsync("/api/v1/periods", new { unitId = unit.Id(), name = "短期", firstDay = "2027-01-03", lastDay = "2027-01-04" })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });

        await RosterSteps.GenerateAsync(admin, period.Id(), Guid.Parse(unit.Id()), seed: 1);
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{period.Id()}/units/{unit.Id()}/roster");
        var unfilled = Assert.Single(roster.GetProperty("unfilled").EnumerateArray());
        Assert.Equal("2027-01-04/L24/leader/0", unfilled.GetProperty("slotKey").GetString());
        var candidate = Assert.Single(unfilled.GetProperty("candidates").EnumerateArray());
        Assert.Equal("唯一领导", candidate.GetProperty("personName").GetString());
        Assert.Contains("leave", candidate.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_RunningJob_EndsCancelledWithoutADraft()
    {
        var admin = await api.ClientAsync("admin");
        var unit = await (await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "slow", name = "慢" })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id()}/people", new { name = "甲", roles = new[] { "leader" } });
        var period = await (await admin.PostAsJsonAsync("/api/v1/periods", new { unitId = unit.Id(), name = "慢", firstDay = "2027-01-03", lastDay = "2027-01-09" })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        var started = await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/units/{unit.Id()}/roster:generate", new { seconds = 120, stallSeconds = 0 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = (await started.BodyAsync()).GetProperty("jobs")[0].Id();

        var cancelled = await admin.PostAsync(new Uri($"/api/v1/roster-jobs/{jobId}:cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.BodyAsync()).GetProperty("status").GetString());
        var job = await RosterSteps.PollAsync(admin, jobId);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        var roster = await admin.GetAsync(new Uri($"/api/v1/periods/{period.Id()}/units/{unit.Id()}/roster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, roster.StatusCode);
    }

    [Fact]
    public async Task Generate_TooManySeconds_Is400NamingSeconds()
    {
        var (admin, periodId) = await AdminAsync();
        var bad = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster:generate", new { seconds = 100000 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["seconds"], await bad.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    [InlineData("admin2", HttpStatusCode.NotFound)]
    public async Task Generate_ByStaffOrAnotherSchool_IsRefused(string account, HttpStatusCode expected)
    {
        var (_, periodId) = await AdminAsync();
        var refused = await (await api.ClientAsync(account)).PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster:generate", new { seconds = 1 });
        Assert.Equal(expected, refused.StatusCode);
    }

    private async Task<(HttpClient Admin, string PeriodId)> AdminAsync()
    {
        var admin = await api.ClientAsync("admin");
        var periods = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={api.School1Id}");
        var demo = periods.GetProperty("items").EnumerateArray().First(p => p.GetProperty("unitId").GetString() == api.BureauId.ToString());
        return (admin, demo.Id());
    }

    private async Task<Dictionary<string, string>> AssignmentMapAsync(HttpClient client, string periodId, string version)
    {
        var roster = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version={version}");
        return roster.GetProperty("assignments").EnumerateArray()
            .ToDictionary(a => a.GetProperty("slotKey").GetString()!, a => a.GetProperty("personId").GetString()!);
    }

    private async Task<string> LeaveTakerAsync(HttpClient admin)
    {
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?limit=200");
        foreach (var p in people.GetProperty("items").EnumerateArray())
        {
            var leaves = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{p.Id()}/leaves");
            if (leaves.GetProperty("items").GetArrayLength() > 0)
            {
                return p.Id();
            }
        }

        throw new InvalidOperationException("The demo has no leave.");
    }

    private const string PinnedSlot = "2026-12-20/N/staff/0";

    /// <summary>A fresh draft of the demo period (seed 2), its edit address, and a leader who is not on the 24-hour shift
    /// of 10 December (overlapping duties are refused outright, even forced).</summary>
    private async Task<(HttpClient Admin, string PeriodId, string Url, string Leader)> LeaderForAStaffSlotAsync()
    {
        var (admin, periodId) = await AdminAsync();
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 2);
        var onDuty = (await AssignmentMapAsync(admin, periodId, "draft"))["2026-12-10/L24/leader/0"];
        var leader = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=leader")).GetProperty("items")
            .EnumerateArray().Select(p => p.Id()).First(id => id != onDuty);
        return (admin, periodId, $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/assignments", leader);
    }

    /// <summary>Generates (seed 3) and publishes the demo period, gives <see cref="PinnedSlot"/> to another formal staff
    /// member and pins it, then regenerates (seed 4): the published and the new draft assignments, and who holds the pin.</summary>
    private async Task<(HttpClient Admin, string PeriodId, Dictionary<string, string> Published, Dictionary<string, string> Draft, string Other)> RegenerateWithAPinAsync()
    {
        var (admin, periodId) = await AdminAsync();
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 3);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster:publish", UriKind.Relative), null)).StatusCode);
        var published = await AssignmentMapAsync(admin, periodId, "published");

        var staff = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff")).GetProperty("items")
            .EnumerateArray().Where(p => p.GetProperty("employmentType").GetString() == "formal").Select(p => p.Id()).ToList();
        var other = staff.First(s => s != published[PinnedSlot]);
        var assign = await admin.PutJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/assignments", new { slotKey = PinnedSlot, personId = other });
        if (assign.StatusCode != HttpStatusCode.OK)
        {
            assign = await admin.PutJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/assignments",
                new { slotKey = PinnedSlot, personId = other, force = true, reason = "测试 test" });
        }

        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        var pin = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/pins", new { slotKey = PinnedSlot, pinned = true });
        Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 4);
        return (admin, periodId, published, await AssignmentMapAsync(admin, periodId, "draft"), other);
    }
}
