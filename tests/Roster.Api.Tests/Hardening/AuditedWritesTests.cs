using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.DutyOperations;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Hardening;

/// <summary>Writes that left no trace: each is now in the audit trail, with what it replaced.</summary>
public sealed class AuditedWritesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ReminderSettings_Put_IsAuditedWithTheBefore()
    {
        var admin = await api.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/units/{api.School1Id}/reminder-settings", new { offsets = new[] { "PT2H" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/units/{api.School1Id}/reminder-settings", new { offsets = new[] { "PT3H" } })).StatusCode);
        var last = (await AuditAsync(admin, "reminder-settings")).First();
        Assert.Equal("PT2H", last.GetProperty("before").GetProperty("offsets")[0].GetString());
        Assert.Equal("PT3H", last.GetProperty("after").GetProperty("offsets")[0].GetString());
    }

    [Fact]
    public async Task NotificationPreferences_Put_IsAudited()
    {
        var staff = await api.ClientAsync("staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync("/api/v1/me/notification-preferences", new { channels = new[] { "inbox" } })).StatusCode);
        var entries = await AuditAsync(await api.ClientAsync("admin"), "notification-preferences");
        Assert.Contains(entries, e => e.GetProperty("after").GetProperty("channels")[0].GetString() == "inbox");
    }

    [Fact]
    public async Task WebhookTarget_CreateAndDelete_AreAuditedWithoutTheSecret()
    {
        var admin = await api.ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync($"/api/v1/units/{api.School1Id}/webhook-targets",
            new { name = "审计机器人", format = "generic", url = "https://93.184.216.34/hook" })).BodyAsync();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/webhook-targets/{created.Id()}", UriKind.Relative))).StatusCode);
        var entries = await AuditAsync(admin, "webhook-target");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "create" && e.GetProperty("entityId").GetString() == created.Id());
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "delete" && e.GetProperty("entityId").GetString() == created.Id());
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(entries), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpotCheckOutcome_RecordedTwice_KeepsBoth()
    {
        var (_, item) = await RecordTwiceAsync();
        var history = await api.WithWorkAsync(w => Dapper.SqlMapper.QueryAsync<string>(w.Connection,
            "SELECT outcome FROM spot_check_outcomes WHERE item_id = @item ORDER BY id", new { item = Guid.Parse(item) }, w.Transaction));
        Assert.Equal(["not_reached", "on_post"], history);
    }

    [Fact]
    public async Task SpotCheckOutcome_RecordedAgain_AuditsTheFirstAsBefore()
    {
        var (supervisor, item) = await RecordTwiceAsync();
        var entries = await AuditAsync(supervisor, "spot-check");
        var again = entries.First(e => e.GetProperty("entityId").GetString() == item);
        Assert.Equal("not_reached", again.GetProperty("before").GetProperty("outcome").GetString());
    }

    private static async Task<List<JsonElement>> AuditAsync(HttpClient client, string entity) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entity={entity}&limit=200")).GetProperty("items").EnumerateArray().ToList();

    /// <summary>A spot check of one person on duty whose outcome the supervisor records as not reached, then as on post.</summary>
    private async Task<(HttpClient Supervisor, string Item)> RecordTwiceAsync()
    {
        Assert.NotNull(await PublishedRoster.EnsureAsync(api, 71));
        api.Clock.Reset(Instant.FromUtc(2026, 12, 9, 2, 0));
        var supervisor = await api.ClientAsync("supervisor");
        var check = await (await supervisor.PostAsJsonAsync("/api/v1/spot-checks", new { unitId = api.BureauId, count = 1, seed = 3 })).BodyAsync();
        var item = check.GetProperty("items")[0].Id();
        var url = $"/api/v1/spot-check-items/{item}:record";
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync(url, new { outcome = "not_reached", note = "无人接听 no answer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync(url, new { outcome = "on_post" })).StatusCode);
        return (supervisor, item);
    }
}
