using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.DutyOperations;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Hardening;

/// <summary>A client that retries a creating POST with the same Idempotency-Key files it once and gets the first answer.</summary>
public sealed class IdempotencyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Incident_PostedTwiceWithOneKey_TheRetryGetsTheFirstAnswer()
    {
        var (staff, url) = await OnDutyAsync();
        var first = await PostAsync(staff, url, SmokeIncident, "retry-key-0");
        var second = await PostAsync(staff, url, SmokeIncident, "retry-key-0");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.BodyAsync()).Id(), (await second.BodyAsync()).Id());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task Incident_PostedTwiceWithOneKey_IsFiledAndNotifiedOnce()
    {
        var (staff, url) = await OnDutyAsync();
        var before = await CountsAsync();
        await PostAsync(staff, url, SmokeIncident, "retry-key-1");
        await PostAsync(staff, url, SmokeIncident, "retry-key-1");
        var after = await CountsAsync();
        Assert.Equal(before.Entries + 1, after.Entries);
        Assert.True(after.Notifications > before.Notifications, "an incident notifies the supervisors");
        var third = await PostAsync(staff, url, SmokeIncident, "retry-key-2");
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        var last = await CountsAsync();
        Assert.Equal(after.Entries + 1, last.Entries);
        // The second key's incident notified as many as the first did; the retry of the first notified nobody.
        Assert.Equal(after.Notifications - before.Notifications, last.Notifications - after.Notifications);
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_Is422AndWritesNothing()
    {
        var (staff, url) = await OnDutyAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, url, new { body = "一切正常 all normal" }, "reuse-key")).StatusCode);
        var before = await CountsAsync();
        var reused = await PostAsync(staff, url, new { body = "另一条 another entry" }, "reuse-key");
        Assert.Equal((HttpStatusCode)422, reused.StatusCode);
        Assert.Equal(["Idempotency-Key"], await reused.ErrorFieldsAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Key_IsPerAccount_AndExpiresAfter24Hours()
    {
        var (staff, url) = await OnDutyAsync();
        var admin = await api.ClientAsync("admin");
        var body = new { body = "交接完毕 handed over" };
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, url, body, "day-key")).StatusCode);
        var before = await CountsAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(admin, url, body, "day-key")).StatusCode);
        Assert.Equal(before.Entries + 1, (await CountsAsync()).Entries);

        await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteAsync(w.Connection,
            "UPDATE idempotent_requests SET created_at = created_at - interval '25 hours' WHERE key = 'day-key'", transaction: w.Transaction));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, url, body, "day-key")).StatusCode);
        Assert.Equal(before.Entries + 2, (await CountsAsync()).Entries);
    }

    private async Task<(HttpClient Staff, string Url)> OnDutyAsync()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 33);
        var staff = await api.ClientAsync("staff");
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-02&to=2026-12-30")).EnumerateArray().First();
        api.Clock.Reset(PublishedRoster.Start(duty) + Duration.FromHours(1));
        return (staff, $"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-log");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private Task<(long Entries, long Notifications)> CountsAsync() => api.WithWorkAsync(async w =>
    {
        var entries = await Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, "SELECT count(*) FROM duty_log_entries", transaction: w.Transaction);
        var notifications = await Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, "SELECT count(*) FROM notifications", transaction: w.Transaction);
        return (entries, notifications);
    });

    private static readonly object SmokeIncident = new { kind = "incident", category = "fire", severity = "high", body = "配电间冒烟 smoke in the switch room" };
}
