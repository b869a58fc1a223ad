using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Roster.Api.Tests.Accounts;
using Roster.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Api.Tests.Hardening;

/// <summary>
/// The API in its own process on a PostgreSQL cluster of the test's own, which is restarted while writes arrive at about
/// 20 a second: no acknowledged write is lost, the requests that meet the outage answer 503 problem details with
/// Retry-After (never 500), and the service answers 2xx again within 5 s of PostgreSQL accepting connections.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const string Password = "restart-test-password";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task RestartUnderWriteTraffic_LosesNoAcknowledgedWrite_Answers503WhileDown_AndRecoversWithin5s()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        var owner = cluster.ConnectionString("roster_owner", "owner-" + Password, "roster");
        var app = cluster.ConnectionString("roster_app", "app-" + Password, "roster");
        await using var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings:Admin"] = cluster.AdminConnectionString,
            ["ConnectionStrings:Migrations"] = owner,
            ["ConnectionStrings:Roster"] = app,
            ["Roster:CreateDatabase"] = "true",
            ["Roster:SeedDemo"] = "true",
            ["Roster:DemoPassword"] = Password,
            ["Auth:SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
            ["Logging:LogLevel:Default"] = "Critical",
        });
        await api.WaitReadyAsync(TimeSpan.FromSeconds(120));
        using var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(15) };
        SignIn.With(client, await SignIn.TokenAsync(client, "admin", Password));
        var schoolId = await PrivateCluster.ScalarAsync<Guid>(app, "SELECT id FROM units WHERE code = 'school-1'");

        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<Answer>();
        var inFlight = new List<Task>();
        using var traffic = new CancellationTokenSource();
        var sender = Task.Run(async () =>
        {
            for (var i = 0; !traffic.IsCancellationRequested; i++)
            {
                var n = i;
                inFlight.Add(Task.Run(() => WriteAsync(client, schoolId, n, clock, answers)));
                await Task.Delay(Interval);
            }
        });

        // Traffic flows before the restart: at least 3 s and 40 acknowledged writes (a loaded machine needs longer).
        await Task.Delay(TimeSpan.FromSeconds(3));
        for (var waited = 0; waited < 100 && answers.Count(a => a.Status is >= 200 and < 300) < 40; waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        var stopping = clock.Elapsed;
        await cluster.StopAsync();
        var down = clock.Elapsed;
        // Down for at least 3 s and until 20 writes sent during the outage have been answered: on a loaded machine the
        // sender's delays stretch, and a fixed window may hold fewer.
        await Task.Delay(TimeSpan.FromSeconds(3));
        for (var waited = 0; waited < 100 && answers.Count(a => a.SentAt > down + TimeSpan.FromMilliseconds(200)) < 20; waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
        var restarting = clock.Elapsed;
        await cluster.StartAgainAsync();
        var accepting = clock.Elapsed;
        // Traffic flows after recovery: at least 7 s and 20 writes answered that were sent 5 s after PostgreSQL came back
        // (on a loaded machine the sender's delays stretch, and 2 s once held only 18).
        await Task.Delay(TimeSpan.FromSeconds(7));
        for (var waited = 0; waited < 100 && answers.Count(a => a.SentAt > accepting + TimeSpan.FromSeconds(5)) < 20; waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        await traffic.CancelAsync();
        await sender;
        await Task.WhenAll(inFlight);

        var all = answers.OrderBy(a => a.SentAt).ToList();
        var acknowledged = all.Where(a => a.Status is >= 200 and < 300).ToList();
        var refused = all.Where(a => a.Status is < 200 or >= 300).ToList();
        var recovered = all.Where(a => a.AnsweredAt > accepting && a.Status is >= 200 and < 300).Min(a => (TimeSpan?)a.AnsweredAt) - accepting;
        output.WriteLine($"{all.Count} writes: {acknowledged.Count} acknowledged, {refused.Count} refused " +
            $"({string.Join(", ", refused.GroupBy(a => a.Status).Select(g => $"{g.Count()} × {g.Key}"))}); " +
            $"PostgreSQL stopped in {(down - stopping).TotalMilliseconds:F0} ms, down {(accepting - down).TotalMilliseconds:F0} ms; " +
            $"first 2xx {recovered?.TotalMilliseconds:F0} ms after it accepted connections");

        // Every refusal is the outage's: 503 problem details with Retry-After; none is a 500 or a timeout.
        Assert.All(refused, a => Assert.True(a is { Status: 503, Problem: true, RetryAfter: true },
            $"write {a.Number} sent at {a.SentAt.TotalMilliseconds:F0} ms: {a.Status} problem={a.Problem} retry-after={a.RetryAfter} {a.Body}"));
        // The outage was met: writes sent while PostgreSQL was down were answered, with 503.
        // Answered before the restart began: PostgreSQL accepts connections a little before StartAgainAsync returns.
        var whileDown = all.Where(a => a.SentAt > down + TimeSpan.FromMilliseconds(200) && a.AnsweredAt < restarting).ToList();
        Assert.True(whileDown.Count >= 20, $"only {whileDown.Count} writes were answered while PostgreSQL was down");
        Assert.All(whileDown, a => Assert.Equal(503, a.Status));
        Assert.True(acknowledged.Count(a => a.SentAt < stopping) >= 40, "too few writes acknowledged before the restart");

        Assert.NotNull(recovered);
        Assert.True(recovered < TimeSpan.FromSeconds(5), $"first 2xx {recovered} after PostgreSQL accepted connections");
        var late = all.Where(a => a.SentAt > accepting + TimeSpan.FromSeconds(5)).ToList();
        Assert.True(late.Count >= 20, $"only {late.Count} writes after recovery");
        Assert.All(late, a => Assert.True(a.Status is >= 200 and < 300, $"write {a.Number} after recovery: {a.Status} {a.Body}"));

        // No acknowledged write is lost: every person a 2xx answer named is in the database.
        var ids = acknowledged.Select(a => a.PersonId!.Value).ToArray();
        var stored = await PrivateCluster.ScalarAsync<long>(app, "SELECT count(*) FROM people WHERE id = ANY(@ids)", new { ids });
        Assert.Equal(ids.Length, stored);
    }

    private static async Task WriteAsync(HttpClient client, Guid schoolId, int number, Stopwatch clock, ConcurrentBag<Answer> answers)
    {
        var sent = clock.Elapsed;
        try
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/units/{schoolId}/people",
                new { name = $"重启 restart {number}", roles = new[] { "staff" } });
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Guid? id = status is >= 200 and < 300
                ? Guid.Parse(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!)
                : null;
            answers.Add(new Answer(number, sent, clock.Elapsed, status, response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                response.Headers.RetryAfter is not null, id, body.Length > 300 ? body[..300] : body));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            answers.Add(new Answer(number, sent, clock.Elapsed, 0, false, false, null, e.GetType().Name + ": " + e.Message));
        }
    }

    private sealed record Answer(int Number, TimeSpan SentAt, TimeSpan AnsweredAt, int Status, bool Problem, bool RetryAfter, Guid? PersonId, string Body);
}
