using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Tests.Generation;

/// <summary>One active job per (period, unit), on a node that only queues (its own database: the claim takes the oldest job).</summary>
public sealed class GenerationLimitTests(QueueOnlyFixture fixture) : IClassFixture<QueueOnlyFixture>
{
    private ApiFixture Api => fixture.Api;

    [Fact]
    public async Task SecondRequest_WhileTheFirstIsQueued_SupersedesIt()
    {
        var admin = await Api.ClientAsync("admin");
        var periodId = await Api.DemoPeriodIdAsync(admin);
        var first = await StartAsync(admin, periodId, Api.School1Id);
        var second = await StartAsync(admin, periodId, Api.School1Id);
        var superseded = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/roster-jobs/{first}");
        Assert.Equal("cancelled", superseded.GetProperty("status").GetString());
        Assert.Contains("superseded", superseded.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("queued", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/roster-jobs/{second}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Request_WhileAJobRuns_Is409NamingItUntilItIsCancelled()
    {
        var admin = await Api.ClientAsync("admin");
        var periodId = await Api.DemoPeriodIdAsync(admin);
        var running = await StartAsync(admin, periodId, Api.School1Id);
        // A worker takes it, as any worker process would.
        var claimed = await Api.WithWorkAsync(w => RosterJobStore.ClaimAsync(w, "test-worker", Instant.FromUtc(2026, 12, 1, 0, 0), CancellationToken.None));
        Assert.Equal(running, claimed!.Id.ToString());

        var refused = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{Api.School1Id}/roster:generate", new { seconds = 5 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.BodyAsync();
        Assert.Equal(running, problem.GetProperty("runningJobId").GetString());
        Assert.Contains(running, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var cancelled = await admin.PostAsync(new Uri($"/api/v1/roster-jobs/{running}:cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync(
            $"/api/v1/periods/{periodId}/units/{Api.School1Id}/roster:generate", new { seconds = 5 })).StatusCode);
    }

    private static async Task<string> StartAsync(HttpClient client, string periodId, Guid unitId, int seconds = 5)
    {
        var started = await client.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{unitId}/roster:generate", new { seconds });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (await started.BodyAsync()).GetProperty("jobs")[0].Id();
    }
}
