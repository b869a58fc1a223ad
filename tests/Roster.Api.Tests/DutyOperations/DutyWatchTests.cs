using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Duty;

namespace Roster.Api.Tests.DutyOperations;

/// <summary>The minute-by-minute scan behind check-in, daily reports and incidents, run here by hand with the fake clock.</summary>
public sealed class DutyWatchTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task MissedCheckIn_SixteenMinutesIn_OpensOneGapAndTellsTheUnitOnce()
    {
        // The latest of the three duties: the other tests' scans run earlier and cannot escalate it.
        var (_, slotKey) = await MissAsync(2);
        var admin = await api.ClientAsync("admin");
        var gaps = await OpenGapsAsync(admin, "missed_check_in");
        Assert.Single(gaps, g => g.GetProperty("slotKey").GetString() == slotKey);
        Assert.Single(await InboxAsync(admin, "gap_opened", slotKey));
        Assert.Empty(await InboxAsync(await api.ClientAsync("supervisor"), "missed_check_in_escalated", slotKey));
    }

    [Fact]
    public async Task MissedCheckIn_TenMinutesLater_EscalatesToSupervisorsOnce()
    {
        var (_, slotKey) = await MissAsync(1);
        api.Clock.Advance(Duration.FromMinutes(11));
        await ScanAsync();
        await ScanAsync();
        Assert.Single(await InboxAsync(await api.ClientAsync("supervisor"), "missed_check_in_escalated", slotKey));
    }

    [Fact]
    public async Task MissedCheckIn_ConfirmedLate_ClosesTheGap()
    {
        var (periodId, slotKey) = await MissAsync(0);
        var admin = await api.ClientAsync("admin");
        var confirmed = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/check-ins", new { slotKey });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.True((await confirmed.BodyAsync()).GetProperty("late").GetBoolean());
        Assert.DoesNotContain(await OpenGapsAsync(admin, "missed_check_in"), g => g.GetProperty("slotKey").GetString() == slotKey);
    }

    [Fact]
    public async Task LateReport_OpensAfterTheLocalDeadline_AndClosesWhenFiled()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 61);
        var admin = await api.ClientAsync("admin");
        api.Clock.Reset(Instant.FromUtc(2026, 12, 2, 7, 59));
        await ScanAsync();
        var before = await OpenGapsAsync(admin, "late_report", from: "2026-12-01T00:00:00Z");
        Assert.DoesNotContain(before, g => g.GetProperty("detail").GetString()!.Contains("2026-12-02", StringComparison.Ordinal));

        api.Clock.Reset(Instant.FromUtc(2026, 12, 2, 8, 1));
        await ScanAsync();
        var after = await OpenGapsAsync(admin, "late_report", from: "2026-12-01T00:00:00Z");
        Assert.Contains(after, g => g.GetProperty("detail").GetString()!.Contains("2026-12-02", StringComparison.Ordinal));

        var filed = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/daily-reports", new { day = "2026-12-02", nothingToReport = true });
        Assert.True((await filed.BodyAsync()).GetProperty("late").GetBoolean());
        var closed = await OpenGapsAsync(admin, "late_report", from: "2026-12-01T00:00:00Z");
        Assert.DoesNotContain(closed, g => g.GetProperty("detail").GetString()!.Contains("2026-12-02", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Incident_ReachesSupervisorsAtOnce_AndEscalatesOnceWhenNotAcknowledged()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 61);
        var admin = await api.ClientAsync("admin");
        api.Clock.Reset(Instant.FromUtc(2026, 12, 10, 3, 0));
        var incident = await (await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-log",
            new { kind = "incident", category = "security", severity = "medium", body = "校门外可疑人员 suspicious person at the gate" })).BodyAsync();
        var key = incident.Id();
        var supervisor = await api.ClientAsync("supervisor");
        Assert.Single(await InboxAsync(supervisor, "incident", key));

        api.Clock.Advance(Duration.FromMinutes(21));
        await ScanAsync();
        await ScanAsync();
        Assert.Single(await InboxAsync(supervisor, "incident_escalated", key));
    }

    private Task<int> ScanAsync() => api.WithWorkAsync(w => DutyWatch.RunAsync(w, api.Clock.GetCurrentInstant(), CancellationToken.None));

    private async Task<List<JsonElement>> OpenGapsAsync(HttpClient client, string kind, string from = "2026-12-01T00:00:00Z")
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/gaps?unit={api.School1Id}&status=open&from={from}&to=2027-01-01T00:00:00Z&limit=200");
        return page.GetProperty("items").EnumerateArray().Where(g => g.GetProperty("kind").GetString() == kind).ToList();
    }

    /// <summary>Inbox messages of a reason whose data mention <paramref name="key"/> (a slot key or an incident id).</summary>
    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, string reason, string key)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?limit=200");
        return page.GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("reason").GetString() == reason && n.GetProperty("data").GetRawText().Contains(key, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>A staff duty on site on 13, 15 or 17 December (<paramref name="index"/> 0, 1, 2: days no other test here
    /// scans within the watch's look-back, each later than the one before) left without a check-in: the clock 16 minutes
    /// past its start, the watch run twice. Taken from the published roster, not one person's duties, so the choice does
    /// not depend on how many duties the roster gave that person.</summary>
    private async Task<(string PeriodId, string SlotKey)> MissAsync(int index)
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 61);
        var day = new LocalDate(2026, 12, 13).PlusDays(2 * index).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var duty = (await PublishedRoster.AssignmentsAsync(api, periodId))
            .Where(a => a.GetProperty("date").GetString() == day && a.GetProperty("role").GetString() == "staff"
                && a.GetProperty("presence").GetString() == "on_site")
            .OrderBy(PublishedRoster.Start)
            .First();
        api.Clock.Reset(PublishedRoster.Start(duty) + Duration.FromMinutes(16));
        await ScanAsync();
        await ScanAsync();
        return (periodId, duty.GetProperty("slotKey").GetString()!);
    }
}
