using System.Net;
using System.Net.Http.Json;
using Dapper;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Tests.Generation;

/// <summary>The per-account limit (429 with Retry-After) and what a read of a job writes, on a node that only queues.</summary>
public sealed class GenerationQueueLimitTests(QueueOnlyFixture fixture) : IClassFixture<QueueOnlyFixture>
{
    private ApiFixture Api => fixture.Api;

    [Fact]
    public async Task AccountLimit_Answers429WithRetryAfter_AndWritesNoJob()
    {
        await Api.CreateAccountAsync("limiter", null, Api.School1Id, GrantRoles.Admin);
        var limiterId = await Api.WithWorkAsync(w => w.Connection.QuerySingleAsync<Guid>(
            "SELECT id FROM accounts WHERE username = 'limiter'", transaction: w.Transaction));
        var admin = await Api.ClientAsync("limiter");
        var periodId = await Api.DemoPeriodIdAsync(admin);
        for (var i = 0; i < 5; i++)
        {
            await admin.PostAsJsonAsync("/api/v1/units", new { parentId = Api.School1Id, code = $"limit-{i}", name = $"限额{i}" });
        }

        // The limit is 4 requests: whatever the account already has counts.
        var idle = await IdleUnitsAsync(periodId);
        var k = 0;
        while (await Api.WithWorkAsync(w => RosterJobStore.ActiveRequestsAsync(w, limiterId, CancellationToken.None)) < 4)
        {
            await StartAsync(admin, periodId, idle[k++], seconds: 30);
        }

        var before = await CountJobsAsync();
        var refused = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{idle[k]}/roster:generate", new { seconds = 5 });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 30);
        Assert.Equal(before, await CountJobsAsync());

        // Another account is not limited by this one's requests.
        var admin2 = await Api.ClientAsync("admin2");
        Assert.Equal(HttpStatusCode.Accepted, (await admin2.PostAsJsonAsync(
            $"/api/v1/periods/{periodId}/units/{Api.School2Id}/roster:generate", new { seconds = 5 })).StatusCode);
        // Replacing one's own queued request is not one more.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync(
            $"/api/v1/periods/{periodId}/units/{idle[0]}/roster:generate", new { seconds = 5 })).StatusCode);
    }

    [Fact]
    public async Task ReadingAJob_WritesNothing_AndBadStallIs400()
    {
        var admin = await Api.ClientAsync("admin2");
        var periodId = await Api.DemoPeriodIdAsync(await Api.ClientAsync("admin"));
        var bad = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{Api.School2Id}/roster:generate", new { seconds = 5, stallSeconds = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["stallSeconds"], await bad.ErrorFieldsAsync());

        var id = await StartAsync(admin, periodId, Api.School2Id);
        var before = await DatabaseFingerprint.OfAsync(Api);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/api/v1/roster-jobs/{id}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(before, await DatabaseFingerprint.OfAsync(Api));
    }

    private async Task<IReadOnlyList<Guid>> IdleUnitsAsync(string periodId) => await Api.WithWorkAsync(async w => (await w.Connection.QueryAsync<Guid>("""
        SELECT u.id FROM units u
        WHERE (u.id = @school OR u.parent_id = @school)
          AND NOT EXISTS (SELECT 1 FROM roster_jobs j WHERE j.unit_id = u.id AND j.period_id = @p AND j.status IN ('queued', 'running'))
        ORDER BY u.code
        """, new { p = Guid.Parse(periodId), school = Api.School1Id }, w.Transaction)).ToList());

    private Task<long> CountJobsAsync() => Api.WithWorkAsync(w => w.Connection.ExecuteScalarAsync<long>(
        "SELECT count(*) FROM roster_jobs", transaction: w.Transaction));

    private static async Task<string> StartAsync(HttpClient client, string periodId, Guid unitId, int seconds = 5)
    {
        var started = await client.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{unitId}/roster:generate", new { seconds });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (await started.BodyAsync()).GetProperty("jobs")[0].Id();
    }
}
