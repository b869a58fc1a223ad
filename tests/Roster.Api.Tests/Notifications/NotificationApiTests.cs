using System.Net;
using System.Net.Http.Json;
using Dapper;
using Roster.Api.Tests.Gaps;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Notifications;

public sealed class NotificationApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> BadTargets => new()
    {
        { """{"name":"robot","format":"generic","url":"ftp://example.com/x"}""", "url" },
        { """{"name":"robot","format":"generic","url":"not a url"}""", "url" },
        { """{"name":"robot","format":"generic","url":"http://127.0.0.1:8080/hook"}""", "url" },
        { """{"name":"robot","format":"generic","url":"http://10.1.2.3/hook"}""", "url" },
        { """{"name":"robot","format":"generic","url":"http://[::1]/hook"}""", "url" },
        { """{"name":"robot","format":"telegram","url":"https://93.184.216.34/hook"}""", "format" },
        { """{"name":"","format":"wecom","url":"https://93.184.216.34/hook"}""", "name" },
    };

    public static TheoryData<string, string> BadSettings => new()
    {
        { """{"offsets":["-PT1H"]}""", "offsets[0]" },
        { """{"offsets":["PT1H","P8D"]}""", "offsets[1]" },
        { """{"offsets":[]}""", "offsets" },
        { """{"offsets":["PT1H"],"templateZh":"{person} 的 {shiftname}"}""", "templateZh" },
        { """{"offsets":["PT1H"],"templateEn":"Hi {nobody}"}""", "templateEn" },
        { """{"offsets":["soon"]}""", "offsets[0]" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task WebhookTarget_BadInput_Answers400NamingTheField(string json, string field)
    {
        var client = await fixture.ClientAsync("admin");

        var response = await client.PostAsync($"/api/v1/units/{fixture.School1Id}/webhook-targets", Json.Raw(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task WebhookTarget_AdminCreatesPublicTarget_SecretShownOnceAndListed()
    {
        var client = await fixture.ClientAsync("admin");

        var created = await client.PostAsJsonAsync($"/api/v1/units/{fixture.School1Id}/webhook-targets",
            new { name = "值班群机器人", format = "generic", url = "https://93.184.216.34/hook" });
        var list = await (await client.GetAsync($"/api/v1/units/{fixture.School1Id}/webhook-targets")).BodyAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(64, (await created.BodyAsync()).GetProperty("secret").GetString()!.Length);
        var listed = Assert.Single(list.EnumerateArray(), t => t.GetProperty("name").GetString() == "值班群机器人");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("secret").ValueKind);
    }

    [Fact]
    public async Task WebhookTarget_StaffMember_IsForbidden()
    {
        var client = await fixture.ClientAsync("staff");

        var response = await client.PostAsJsonAsync($"/api/v1/units/{fixture.School1Id}/webhook-targets",
            new { name = "x", format = "wecom", url = "https://93.184.216.34/hook" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task ReminderSettings_BadInput_Answers400NamingTheField(string json, string field)
    {
        var client = await fixture.ClientAsync("admin");

        var response = await client.PutAsync($"/api/v1/units/{fixture.School1Id}/reminder-settings", Json.Raw(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task ReminderSettings_SavedByTheUnitsAdmin_AreReadBack()
    {
        var client = await fixture.ClientAsync("admin");

        var put = await client.PutAsJsonAsync($"/api/v1/units/{fixture.School2Id}/reminder-settings",
            new { offsets = new[] { "PT2H", "PT30M" }, templateZh = "{person}：{shift} {start} 开始" });
        var admin2 = await fixture.ClientAsync("admin2");
        var got = await (await admin2.GetAsync($"/api/v1/units/{fixture.School2Id}/reminder-settings")).BodyAsync();

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(["PT24H", "PT1H"], got.GetProperty("offsets").EnumerateArray().Select(o => o.GetString()));
        var own = await admin2.PutAsJsonAsync($"/api/v1/units/{fixture.School2Id}/reminder-settings",
            new { offsets = new[] { "PT2H", "PT30M" }, templateZh = "{person}：{shift} {start} 开始" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var again = await (await admin2.GetAsync($"/api/v1/units/{fixture.School2Id}/reminder-settings")).BodyAsync();
        Assert.Equal(["PT2H", "PT30M"], again.GetProperty("offsets").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Preferences_UnknownChannel_Answers400NamingIt()
    {
        var client = await fixture.ClientAsync("staff");

        var bad = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { channels = new[] { "inbox", "sms" } });
        var good = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { channels = new[] { "inbox" } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("channels[1]", await bad.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var read = await (await client.GetAsync("/api/v1/me/notification-preferences")).BodyAsync();
        Assert.Equal(["inbox"], read.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Inbox_GapNotifications_ListedAndMarkedReadOnlyByTheirOwner()
    {
        var roster = await PublishedRoster.PublishFirstSlotAsync(fixture);
        await PublishedRoster.DetectAsync(fixture, roster.PeriodId, ApiFixture.Start);
        var supervisor = await fixture.ClientAsync("supervisor");
        var staff = await fixture.ClientAsync("staff");

        var inbox = await (await supervisor.GetAsync("/api/v1/me/notifications?limit=200")).BodyAsync();
        var first = inbox.GetProperty("items").EnumerateArray().First();
        var id = first.GetProperty("id").GetInt64();
        var byOther = await staff.PostAsync($"/api/v1/me/notifications/{id}/read", null);
        var read = await supervisor.PostAsync($"/api/v1/me/notifications/{id}/read", null);
        var unread = await (await supervisor.GetAsync("/api/v1/me/notifications?unread=true&limit=200")).BodyAsync();

        Assert.Equal("gap_opened", first.GetProperty("reason").GetString());
        Assert.Contains("空岗", first.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("Coverage gap", first.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(inbox.GetProperty("items").GetArrayLength() - 1, unread.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task DeliveryLog_Admin_SeesAttemptsOfTheirUnit()
    {
        var notification = await fixture.WithWorkAsync(async w =>
        {
            var id = await w.Connection.ExecuteScalarAsync<long>("""
                INSERT INTO notifications (idempotency_key, unit_id, channel, reason, subject_key, address, title, body, due_at, created_at,
                    status, attempts, next_attempt_at, last_error)
                VALUES ('test:log', @unit, 'email', 'reminder', 'log', 'x@example.com', 't', 'b', @now, @now, 'failed', 1, @now, 'HTTP 500')
                RETURNING id
                """, new { unit = fixture.School1Id, now = ApiFixture.Start }, w.Transaction);
            await w.Connection.ExecuteAsync("""
                INSERT INTO notification_attempts (notification_id, attempt, at, succeeded, detail, instance) VALUES (@id, 1, @now, false, 'HTTP 500', 'node-a')
                """, new { id, now = ApiFixture.Start }, w.Transaction);
            return id;
        });
        var admin = await fixture.ClientAsync("admin");
        var admin2 = await fixture.ClientAsync("admin2");

        var log = await (await admin.GetAsync($"/api/v1/notifications/deliveries?unit={fixture.School1Id}&status=failed")).BodyAsync();
        var other = await admin2.GetAsync($"/api/v1/notifications/deliveries?unit={fixture.School1Id}");

        var item = Assert.Single(log.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == notification);
        Assert.Equal("HTTP 500", item.GetProperty("attemptLog")[0].GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task SchedulerJobs_AdminAllowed_StaffForbidden()
    {
        var admin = await fixture.ClientAsync("admin");
        var staff = await fixture.ClientAsync("staff");

        var ok = await admin.GetAsync("/api/v1/scheduler/jobs");
        var forbidden = await staff.GetAsync("/api/v1/scheduler/jobs");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.False((await ok.BodyAsync()).GetProperty("hostedHere").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
