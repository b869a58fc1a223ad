using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Submissions;

public sealed class SubmissionDeadlineTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Deadline_PassedWithoutSubmission_FlagsTheUnitToBothSidesUntilItSubmits()
    {
        api.Clock.Reset(ApiFixture.Start);
        var periodId = await OversightPeriods.CreateAsync(api, "报备截止", requiresApproval: true, submissionDue: "2026-12-01T02:00:00Z");
        var supervisor = await api.ClientAsync("supervisor");
        Assert.Empty(await FlagsAsync(supervisor, periodId));

        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 3, 0));
        var board = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/submission-board");
        Assert.Equal(3, board.GetProperty("units").GetArrayLength());
        Assert.All(board.GetProperty("units").EnumerateArray(), u => Assert.Equal("2026-12-01T02:00:00Z", u.GetProperty("overdueSince").GetString()));
        Assert.Empty(await FlagsAsync(supervisor, periodId));

        Assert.True(await OversightScans.RunAsync(api) >= 3);
        var flags = await FlagsAsync(supervisor, periodId);
        Assert.Equal(3, flags.Count);
        Assert.All(flags, f => Assert.Equal("submission_overdue", f.GetProperty("kind").GetString()));
        Assert.All(flags, f => Assert.Equal("2026-12-01T02:00:00Z", f.GetProperty("openedAt").GetString()));
        var admin2 = await api.ClientAsync("admin2");
        var own = Assert.Single(await FlagsAsync(admin2, periodId));
        Assert.Equal(api.School2Id.ToString(), own.GetProperty("unitId").GetString());
        board = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/submission-board");
        Assert.All(board.GetProperty("units").EnumerateArray(), u => Assert.Equal("2026-12-01T02:00:00Z", u.GetProperty("overdueSince").GetString()));

        await RosterSteps.GenerateAsync(admin2, periodId, api.School2Id, 11);
        Assert.Equal(HttpStatusCode.Created, (await admin2.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.School2Id}/roster:submit", new { })).StatusCode);
        Assert.Empty(await FlagsAsync(admin2, periodId));
        var closed = Assert.Single(await FlagsAsync(admin2, periodId, all: true));
        Assert.Equal("2026-12-01T03:00:00Z", closed.GetProperty("closedAt").GetString());
        Assert.Equal(2, (await FlagsAsync(supervisor, periodId)).Count);
        board = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/submission-board");
        Assert.Equal(JsonValueKind.Null, board.GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetString() == api.School2Id.ToString()).GetProperty("overdueSince").ValueKind);

        var scan = await supervisor.PostAsync(new Uri("/api/v1/oversight:scan", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal(2, (await FlagsAsync(supervisor, periodId)).Count);
        var staff = await api.ClientAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(new Uri("/api/v1/oversight:scan", UriKind.Relative), null)).StatusCode);
    }

    private static async Task<List<JsonElement>> FlagsAsync(HttpClient client, string periodId, bool all = false) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/oversight-flags?period={periodId}&all={(all ? "true" : "false")}"))
            .EnumerateArray().ToList();
}
