using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>Steps many tests share: find the demo period, generate a roster and wait for it, publish it.</summary>
public static class RosterSteps
{
    public static async Task<string> DemoPeriodIdAsync(this ApiFixture api, HttpClient client)
    {
        var periods = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={api.School1Id}");
        return periods.GetProperty("items").EnumerateArray().First(p => p.GetProperty("unitId").GetString() == api.BureauId.ToString()).Id();
    }

    /// <summary>Generates a draft and waits for it. Bounded by iterations, not the clock: the same roster under any load, so
    /// journeys that pick days, gaps and candidates from it do the same thing on every run (a one-second generation
    /// differed with load, and two UI journeys failed in CI on rosters they did not expect).</summary>
    public static async Task<JsonElement> GenerateAsync(HttpClient client, string periodId, Guid unitId, int seed, long iterations = 200_000)
    {
        var started = await client.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{unitId}/roster:generate",
            new { seconds = 60, seed, iterations });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await PollAsync(client, (await started.BodyAsync()).GetProperty("jobs")[0].Id());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        return job;
    }

    /// <summary>Polls a job until it ends (bounded: a generation here takes about a second).</summary>
    public static async Task<JsonElement> PollAsync(HttpClient client, string jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/roster-jobs/{jobId}");
            if (job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Job {jobId} did not end in 30 s.");
    }

    public static async Task PublishAsync(HttpClient client, string periodId, Guid unitId)
    {
        var published = await client.PostAsync(new Uri($"/api/v1/periods/{periodId}/units/{unitId}/roster:publish", UriKind.Relative), null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
    }
}
