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
            // Serialised, not refused wholesale: the first edit of each pair lands, the second sees it and is refused.
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
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
    public async Task SameSlot_ParallelEdits_AllSucceed()
    {
        var (answers, _, _, _) = await EditInParallelAsync("2026-12-27/D/staff/0");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task SameSlot_ParallelEdits_AuditChainsTheirBefores()
    {
        const string Slot = "2026-12-28/D/staff/0";
        var (_, staff, admin, periodId) = await EditInParallelAsync(Slot);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?unit={api.School1Id}&entity=assignment&limit=100");
        var entries = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("entityId").GetString()!.EndsWith(Slot, StringComparison.Ordinal))
            .OrderBy(e => e.GetProperty("id").GetInt64())
            .Select(e => (Before: PersonIn(e, "before"), After: PersonIn(e, "after")))
            .ToList();
        Assert.Equal(staff.Count, entries.Count);
        // Each edit saw the one before it: no "before" appears twice (a lost update would repeat one)...
        Assert.Equal(entries.Count, entries.Select(e => e.Before).Distinct().Count());
        // ...and, in the order they were recorded, each "before" is the previous edit's "after": one unbroken chain from the
        // empty slot to what the draft holds now, through every person once.
        Assert.Null(entries[0].Before);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].After, entries[i].Before);
        }

        Assert.Equal(staff.Order(StringComparer.Ordinal), entries.Select(e => e.After!).Order(StringComparer.Ordinal));
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=draft");
        Assert.Equal(entries[^1].After, draft.GetProperty("assignments").EnumerateArray()
            .Single(a => a.GetProperty("slotKey").GetString() == Slot).GetProperty("personId").GetString());
    }

    [Fact]
    public async Task ParallelEdits_OfDifferentSlots_AreAllKept()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/assignments";
        var staff = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff&limit=200")).GetProperty("items")
            .EnumerateArray().Select(p => p.Id()).Skip(6).Take(8).ToList();
        var edits = staff.Select((p, i) => (Slot: $"2026-12-{10 + i:00}/D/staff/0", Person: p)).ToList();

        var answers = await Task.WhenAll(edits.Select(e => admin.PutJsonAsync(url, new { slotKey = e.Slot, personId = e.Person, force = true, reason = "并行 parallel" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        // No edit overwrote another's slot with an older copy of the draft: every one of them is in it.
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=draft");
        var held = draft.GetProperty("assignments").EnumerateArray()
            .ToDictionary(a => a.GetProperty("slotKey").GetString()!, a => a.GetProperty("personId").GetString(), StringComparer.Ordinal);
        Assert.All(edits, e => Assert.True(held.TryGetValue(e.Slot, out var p) && p == e.Person, $"{e.Slot}: {(held.TryGetValue(e.Slot, out var q) ? q : "empty")}"));
    }

    /// <summary>The person an audit entry names: "before" is the assignment, "after" wraps it with the violations it broke.</summary>
    private static string? PersonIn(JsonElement entry, string side)
    {
        if (!entry.TryGetProperty(side, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return (value.TryGetProperty("assignment", out var assignment) ? assignment : value).GetProperty("personId").GetString();
    }

    [Fact]
    public async Task Edit_WithTheDraftsETag_SucceedsWithANewETag()
    {
        var (admin, roster, staff, etag) = await DraftETagAsync("2026-12-26/D/staff/0");
        var first = await admin.PutJsonAsync(roster + "/assignments", new { slotKey = "2026-12-26/D/staff/0", personId = staff[1], force = true, reason = "一 one" }, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Edit_WithAStaleETag_Is412AndKeepsTheDraft()
    {
        const string Slot = "2026-12-29/D/staff/0";
        var (admin, roster, staff, etag) = await DraftETagAsync(Slot);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync(roster + "/assignments", new { slotKey = Slot, personId = staff[1], force = true, reason = "一 one" }, etag)).StatusCode);
        var second = await admin.PutJsonAsync(roster + "/assignments", new { slotKey = Slot, personId = staff[2], force = true, reason = "二 two" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>(roster + "?version=draft");
        Assert.Contains(after.GetProperty("assignments").EnumerateArray(),
            a => a.GetProperty("slotKey").GetString() == Slot && a.GetProperty("personId").GetString() == staff[1]);
    }

    /// <summary>Six forced edits of <paramref name="slot"/> in the demo draft at once, each to another staff member.</summary>
    private async Task<(HttpResponseMessage[] Answers, List<string> Staff, HttpClient Admin, string PeriodId)> EditInParallelAsync(string slot)
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/assignments";
        var staff = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff&limit=200")).GetProperty("items")
            .EnumerateArray().Select(p => p.Id()).Take(6).ToList();
        var answers = await Task.WhenAll(staff.Select(p => admin.PutJsonAsync(url, new { slotKey = slot, personId = p, force = true, reason = "并发 race" })));
        return (answers, staff, admin, periodId);
    }

    /// <summary>The demo draft's ETag after <paramref name="slot"/> was given to the first staff member.</summary>
    private async Task<(HttpClient Admin, string Roster, List<string> Staff, string ETag)> DraftETagAsync(string slot)
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var roster = $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster";
        var staff = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff&limit=200")).GetProperty("items")
            .EnumerateArray().Select(p => p.Id()).ToList();
        await admin.PutJsonAsync(roster + "/assignments", new { slotKey = slot, personId = staff[0], force = true, reason = "起草 start" });
        var read = await admin.GetAsync(new Uri(roster, UriKind.Relative));
        return (admin, roster, staff, read.Headers.ETag!.Tag);
    }
}
