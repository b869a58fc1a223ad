using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Scheduler.Tests.Infrastructure;

namespace Roster.Api.Tests.Generation;

/// <summary>
/// Two scheduler processes with the worker role on the API's database; the one running a generation is killed with
/// SIGKILL. The job must move to the other within a minute, and when that one is killed too, fail saying why.
/// </summary>
public sealed class GenerationKillTests(QueueOnlyFixture fixture) : IClassFixture<QueueOnlyFixture>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private ApiFixture Api => fixture.Api;

    [Fact]
    public async Task WorkerKilledMidGeneration_RetriedOnTheOther_ThenFailedWithAReason()
    {
        var admin = await Api.ClientAsync("admin");
        var periodId = await Api.DemoPeriodIdAsync(admin);
        var started = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{Api.School1Id}/roster:generate",
            new { seconds = 120, stallSeconds = 0 });
        var jobId = (await started.BodyAsync()).GetProperty("jobs")[0].Id();

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Roster"] = TestDatabases.ConnectionStringFor(Api.Database),
            ["Generation:Lease"] = "00:00:06",
            ["Generation:Slots"] = "1",
            ["Scheduler:Workers"] = "2",
        };
        await using var a = SchedulerProcess.Start("node-a", settings);
        await using var b = SchedulerProcess.Start("node-b", settings);
        await a.WaitReadyAsync(Minute);
        await b.WaitReadyAsync(Minute);
        var nodes = new[] { a, b };

        var first = await WaitForAsync(admin, jobId, j => j.GetProperty("status").GetString() == "running", Minute);
        var holder = nodes.Single(n => Worker(first).StartsWith(n.Name + "/", StringComparison.Ordinal));
        var other = nodes.Single(n => n != holder);
        Assert.Equal(1, first.GetProperty("attempt").GetInt32());

        holder.Kill();
        var killed = Stopwatch.StartNew();
        var retried = await WaitForAsync(admin, jobId,
            j => j.GetProperty("status").GetString() == "running" && j.GetProperty("attempt").GetInt32() == 2, Minute);
        Assert.True(killed.Elapsed < Minute, $"retried after {killed.Elapsed}");
        Assert.StartsWith(other.Name + "/", Worker(retried), StringComparison.Ordinal);

        other.Kill();
        killed.Restart();
        var failed = await WaitForAsync(admin, jobId, j => j.GetProperty("status").GetString() == "failed", Minute);
        Assert.True(killed.Elapsed < Minute, $"failed after {killed.Elapsed}");
        var error = failed.GetProperty("error").GetString()!;
        Assert.Contains("stopped responding", error, StringComparison.Ordinal);
        Assert.Contains(other.Name, error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("versionId").ValueKind);
    }

    private static string Worker(JsonElement job) => job.GetProperty("worker").GetString() ?? "";

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string jobId, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        JsonElement job;
        do
        {
            job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/roster-jobs/{jobId}");
            if (done(job))
            {
                return job;
            }

            await Task.Delay(200);
        }
        while (clock.Elapsed < timeout);

        throw new TimeoutException($"Job {jobId} did not get there in {timeout}: {job}");
    }
}
