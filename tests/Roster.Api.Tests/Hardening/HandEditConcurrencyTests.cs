using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Hardening;

/// <summary>Hand edits of one draft are serialised: parallel edits cannot together break a rule each keeps alone.</summary>
public sealed class HandEditConcurrencyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ParallelEdits_OfOneDraft_NeverTogetherBreakMinimumRest()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/assignments";
        var leaders = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=leader")).GetProperty("items")
            .EnumerateArray().Select(p => p.Id()).ToList();

        // One leader in two back-to-back 24-hour shifts leaves 0 h of rest: each edit alone is legal on an empty draft.
        var bothAccepted = 0;
        for (var pair = 0; pair < 8; pair++)
        {
            var day = 2 + (pair * 3);
            var leader = leaders[pair % leaders.Count];
            var first = admin.PutJsonAsync(url, new { slotKey = $"2026-12-{day:00}/L24/leader/0", personId = leader });
            var second = admin.PutJsonAsync(url, new { slotKey = $"2026-12-{day + 1:00}/L24/leader/0", personId = leader });
            var answers = await Task.WhenAll(first, second);
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or (HttpStatusCode)422, a.StatusCode.ToString()));
            bothAccepted += answers.Count(a => a.StatusCode == HttpStatusCode.OK) == 2 ? 1 : 0;
        }

        Assert.Equal(0, bothAccepted);
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=draft");
        var byPerson = draft.GetProperty("assignments").EnumerateArray().Where(a => a.GetProperty("role").GetString() == "leader")
            .GroupBy(a => a.GetProperty("personId").GetString()).ToDictionary(g => g.Key!, g => g.Select(a => a.GetProperty("date").GetString()!).ToList());
        foreach (var dates in byPerson.Values)
        {
            var days = dates.Select(d => int.Parse(d[8..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.DoesNotContain(days.Zip(days.Skip(1)), p => p.Second == p.First + 1);
        }
    }

    [Fact]
    public async Task SameSlot_ParallelEdits_NoSpurious409_AndTheAuditChainsTheirBefores()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/assignments";
        var staff = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff&limit=200")).GetProperty("items")
            .EnumerateArray().Select(p => p.Id()).Take(6).ToList();
        const string Slot = "2026-12-28/D/staff/0";

        var answers = await Task.WhenAll(staff.Select(p => admin.PutJsonAsync(url, new { slotKey = Slot, personId = p, force = true, reason = "并发 race" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?unit={api.School1Id}&entity=assignment&limit=100");
        var befores = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("entityId").GetString()!.EndsWith(Slot, StringComparison.Ordinal))
            .Select(e => e.TryGetProperty("before", out var b) && b.ValueKind == JsonValueKind.Object ? b.GetProperty("personId").GetString() : null)
            .ToList();
        Assert.Equal(staff.Count, befores.Count);
        // Each edit saw the one before it: no "before" appears twice (a lost update would repeat one).
        Assert.Equal(befores.Count, befores.Distinct().Count());
    }

    [Fact]
    public async Task Edit_WithTheDraftsETag_Succeeds_WithAStaleOne_Is412()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var roster = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster";
        var staff = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff&limit=200")).GetProperty("items")
            .EnumerateArray().Select(p => p.Id()).ToList();
        await admin.PutJsonAsync(roster + "/assignments", new { slotKey = "2026-12-29/D/staff/0", personId = staff[0], force = true, reason = "起草 start" });
        var read = await admin.GetAsync(new Uri(roster, UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;

        var first = await admin.PutJsonAsync(roster + "/assignments", new { slotKey = "2026-12-29/D/staff/0", personId = staff[1], force = true, reason = "一 one" }, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        var second = await admin.PutJsonAsync(roster + "/assignments", new { slotKey = "2026-12-29/D/staff/0", personId = staff[2], force = true, reason = "二 two" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>(roster + "?version=draft");
        Assert.Contains(after.GetProperty("assignments").EnumerateArray(),
            a => a.GetProperty("slotKey").GetString() == "2026-12-29/D/staff/0" && a.GetProperty("personId").GetString() == staff[1]);
    }
}
