using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.Exports;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Submissions;

namespace Roster.Api.Tests.Presence;

public sealed class PresenceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ReachableNightShift_InShiftsSlotsAndRoster_ShowsAsReachable()
    {
        var (admin, periodId, roster) = await ReachableNightsAsync();
        var shifts = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/shifts")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("reachable", shifts.Single(s => s.GetProperty("code").GetString() == "N").GetProperty("presence").GetProperty("staff").GetString());
        Assert.Equal("on_site", shifts.Single(s => s.GetProperty("code").GetString() == "D").GetProperty("presence").GetProperty("staff").GetString());
        var slots = await admin.GetFromJsonAsync<JsonElement>(roster + "/slots?from=2026-12-02&to=2026-12-02");
        Assert.Equal(["on_site", "reachable"], slots.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("presence").GetString()));
        var assignments = (await admin.GetFromJsonAsync<JsonElement>(roster + "/roster?version=published")).GetProperty("assignments").EnumerateArray().ToList();
        Assert.All(assignments, a => Assert.Equal(a.GetProperty("shiftCode").GetString() == "N" ? "reachable" : "on_site", a.GetProperty("presence").GetString()));
    }

    [Fact]
    public async Task ReachableNightShift_InDutyTableAndCalendar_IsLabelledReachable()
    {
        var (admin, _, roster) = await ReachableNightsAsync();
        var csv = await CsvReader.ReadAsync(await admin.GetByteArrayAsync(new Uri(roster + "/duty-table.csv", UriKind.Relative)));
        Assert.Contains(csv.SelectMany(r => r), c => c.Contains("夜班 值班人员（可联系）", StringComparison.Ordinal));
        var supervisor = await api.ClientAsync("supervisor");
        var token = await (await supervisor.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null)).BodyAsync();
        var ics = (await api.AnonymousClient().GetStringAsync(new Uri(token.GetProperty("url").GetString()!, UriKind.Relative))).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("Presence: 可联系 reachable", ics, StringComparison.Ordinal);
        Assert.Contains("Presence: 在岗 on site", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_ForAReachableNightShift_Is422NamingSlotKeyWhileTheDayShiftChecksIn()
    {
        var (admin, _, roster) = await ReachableNightsAsync();
        api.Clock.Reset(Instant.FromUtc(2026, 12, 2, 12, 0));
        var night = await admin.PostAsJsonAsync(roster + "/check-ins", new { slotKey = "2026-12-02/N/staff/0" });
        Assert.Equal((HttpStatusCode)422, night.StatusCode);
        Assert.Equal(["slotKey"], await night.ErrorFieldsAsync());
        api.Clock.Reset(Instant.FromUtc(2026, 12, 2, 0, 0));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(roster + "/check-ins", new { slotKey = "2026-12-02/D/staff/0" })).StatusCode);
    }

    [Fact]
    public async Task SpotCheck_UnreachedOnAReachableShift_CountsAgainstTheUnit()
    {
        var (_, periodId, _) = await ReachableNightsAsync();
        api.Clock.Reset(Instant.FromUtc(2026, 12, 2, 14, 0));
        var supervisor = await api.ClientAsync("supervisor");
        var check = await (await supervisor.PostAsJsonAsync("/api/v1/spot-checks", new { unitId = api.School1Id, count = 5, seed = 1 })).BodyAsync();
        var item = Assert.Single(check.GetProperty("items").EnumerateArray());
        Assert.Equal("2026-12-02/N/staff/0", item.GetProperty("slotKey").GetString());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/spot-check-items/{item.Id()}:record", new { outcome = "not_reached" })).StatusCode);
        var tally = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/spot-checks/results?unit={api.School1Id}&period={periodId}")).EnumerateArray().Single();
        Assert.Equal(1, tally.GetProperty("notReached").GetInt64());
        Assert.Equal(1, tally.GetProperty("reachableNotReached").GetInt64());
    }

    [Fact]
    public async Task Shift_WithUnknownPresence_Is400NamingTheRole()
    {
        var admin = await OversightPeriods.BureauAdminAsync(api);
        var periodId = await OversightPeriods.CreateAsync(api, "坏输入", requiresApproval: false);
        var bad = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
            new { code = "X", name = "X", startsAt = "08:00:00", length = "PT8H", headcount = new { staff = 1 }, presence = new { staff = "nearby" } });
        Assert.Equal(["presence.staff"], await bad.ErrorFieldsAsync());
        var unknown = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
            new { code = "Y", name = "Y", startsAt = "08:00:00", length = "PT8H", headcount = new { staff = 1 }, presence = new { leader = "reachable" } });
        Assert.Equal(["presence"], await unknown.ErrorFieldsAsync());
    }

    private const string ReachableName = "可联系";

    /// <summary>The period whose night staff are reachable rather than on site, with School 1's roster generated and
    /// published (once: a second such roster would put two people on duty at night): School 1's admin, the period and
    /// School 1's address in it.</summary>
    private async Task<(HttpClient Admin, string PeriodId, string Roster)> ReachableNightsAsync()
    {
        var admin = await api.ClientAsync("admin");
        var periods = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={api.School1Id}");
        var periodId = periods.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("name").GetString() == ReachableName).Select(p => p.Id()).FirstOrDefault();
        if (periodId is null)
        {
            api.Clock.Reset(ApiFixture.Start);
            periodId = await OversightPeriods.CreateAsync(api, ReachableName, requiresApproval: false, nightPresence: new { staff = "reachable" });
            await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, 21);
            await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        }

        return (admin, periodId, $"/api/v1/periods/{periodId}/units/{api.School1Id}");
    }
}
