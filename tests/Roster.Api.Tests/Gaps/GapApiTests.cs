using System.Net;
using System.Text.Json;
using Dapper;
using NodaTime;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Gaps;

public sealed class GapApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private PublishedRoster.Published _roster = null!;

    public async Task InitializeAsync()
    {
        _roster = await PublishedRoster.PublishFirstSlotAsync(fixture);
        // Idempotent: every test starts from the gaps of the first detection.
        await PublishedRoster.DetectAsync(fixture, _roster.PeriodId, ApiFixture.Start);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Gaps_Supervisor_SeesTheSubtreesOpenGapsPageByPage()
    {
        var client = await fixture.ClientAsync("supervisor");

        var first = await client.GetAsync($"/api/v1/gaps?unit={fixture.BureauId}&status=open&limit=3");
        var body = await first.BodyAsync();
        var next = await client.GetAsync($"/api/v1/gaps?unit={fixture.BureauId}&status=open&limit=3&after={body.GetProperty("nextCursor").GetString()}");
        var second = await next.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var items = body.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(6, items.Select(i => i.Id()).Distinct().Count());
        Assert.All(items, i => Assert.Equal(fixture.School1Id.ToString(), i.GetProperty("unitId").GetString()));
        Assert.All(items, i => Assert.Equal("unfilled", i.GetProperty("kind").GetString()));
        Assert.DoesNotContain(items, i => i.GetProperty("slotKey").GetString() == _roster.Filled.Key);
        var starts = items.Select(i => i.GetProperty("startsAt").GetString()).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
    }

    [Fact]
    public async Task Gaps_AdminOfAnotherSchool_GetsNotFound()
    {
        var client = await fixture.ClientAsync("admin2");

        var response = await client.GetAsync($"/api/v1/gaps?unit={fixture.School1Id}");
        var own = await (await client.GetAsync("/api/v1/gaps")).BodyAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(own.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Detect_RunTwice_OpensEachGapOnceAndNotifiesOnce()
    {
        var before = await CountsAsync();

        var again = await PublishedRoster.DetectAsync(fixture, _roster.PeriodId, ApiFixture.Start + Duration.FromMinutes(1));

        Assert.Empty(again.Opened);
        Assert.Equal(before, await CountsAsync());
        Assert.True(before.Gaps > 0);
        // Each gap told the school's admin and the bureau's supervisor, in their inboxes.
        Assert.Equal(before.Gaps * 2, before.Inbox);
    }

    [Fact]
    public async Task Detect_LeaveApprovedAfterPublish_OpensUnavailableAndClosesItWhenCancelled()
    {
        var leave = await fixture.WithWorkAsync(w => w.Connection.ExecuteScalarAsync<Guid>("""
            INSERT INTO leaves (person_id, first_day, last_day, status, created_at) VALUES (@person, @day, @day, 'approved', @now) RETURNING id
            """, new { person = _roster.PersonId, day = _roster.Filled.Date, now = ApiFixture.Start }, w.Transaction));

        var opened = await PublishedRoster.DetectAsync(fixture, _roster.PeriodId, ApiFixture.Start + Duration.FromMinutes(2));
        await fixture.WithWorkAsync(w => w.Connection.ExecuteAsync(
            "UPDATE leaves SET status = 'cancelled' WHERE id = @leave", new { leave }, w.Transaction));
        var closed = await PublishedRoster.DetectAsync(fixture, _roster.PeriodId, ApiFixture.Start + Duration.FromMinutes(3));

        var gap = Assert.Single(opened.Opened, g => g.Kind == "unavailable");
        Assert.Equal("unavailable", gap.Kind);
        Assert.Contains("leave", gap.Detail, StringComparison.Ordinal);
        Assert.Equal(1, closed.Resolved);
        var client = await fixture.ClientAsync("admin");
        var resolved = await (await client.GetAsync($"/api/v1/gaps?unit={fixture.School1Id}&status=resolved")).BodyAsync();
        var item = Assert.Single(resolved.GetProperty("items").EnumerateArray());
        Assert.Equal(gap.Id.ToString(), item.Id());
        Assert.Equal(JsonValueKind.String, item.GetProperty("resolvedAt").ValueKind);
    }

    [Fact]
    public async Task Coverage_FirstDay_CountsRequiredFilledAndOpenGaps()
    {
        var client = await fixture.ClientAsync("supervisor");
        var day = _roster.Filled.Date.ToString("yyyy-MM-dd", null);

        var response = await client.GetAsync($"/api/v1/coverage?unit={fixture.BureauId}&from={day}&to={day}");
        var body = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var school = Assert.Single(body.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitId").GetString() == fixture.School1Id.ToString());
        Assert.Equal(_roster.FirstDay.Count, school.GetProperty("required").GetInt32());
        Assert.Equal(1, school.GetProperty("filled").GetInt32());
        Assert.Equal(_roster.FirstDay.Count - 1, school.GetProperty("openGaps").GetInt32());
        Assert.Equal(4, body.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/gaps?status=closed", "status")]
    [InlineData("/api/v1/gaps?from=yesterday", "from")]
    [InlineData("/api/v1/gaps?after=bm9wZQ", "after")]
    [InlineData("/api/v1/coverage?from=2026-12-01&to=2026-12-02", "unit")]
    [InlineData("/api/v1/coverage?unit=00000000-0000-0000-0000-000000000001&from=2026-12-05&to=2026-12-01", "to")]
    [InlineData("/api/v1/coverage?unit=00000000-0000-0000-0000-000000000001&from=2026-12-01&to=2027-06-01", "to")]
    public async Task GapsAndCoverage_BadQuery_Answer400NamingTheField(string url, string field)
    {
        var client = await fixture.ClientAsync("supervisor");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    private Task<(long Gaps, long Inbox)> CountsAsync() => fixture.WithWorkAsync(async w =>
        (await w.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM gaps WHERE kind = 'unfilled'", transaction: w.Transaction),
         await w.Connection.ExecuteScalarAsync<long>(
             "SELECT count(*) FROM notifications WHERE channel = 'inbox' AND reason = 'gap_opened' AND data->>'kind' = 'unfilled'", transaction: w.Transaction)));
}
