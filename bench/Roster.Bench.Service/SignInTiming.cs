using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Roster.Core.Storage;

namespace Roster.Bench.Service;

/// <summary>
/// <c>./roster bench signin [--rounds 20]</c>: the API (Release, own process, the demo loaded) answers wrong passwords for
/// known usernames and for unknown ones, alternately, each attempt from its own address (so no throttle answers instead);
/// prints one JSON line with both medians. The decoy verification should make them about equal; the tests check that the
/// decoy runs and has the real hashes' cost, this measures what a client can time.
/// </summary>
internal static class SignInTiming
{
    public static async Task RunAsync(string[] args)
    {
        var rounds = Array.IndexOf(args, "--rounds") is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 20;
        var admin = Environment.GetEnvironmentVariable("ROSTER_BENCH_DB")
            ?? throw new InvalidOperationException("ROSTER_BENCH_DB (an admin connection string) is not set; run ./roster bench signin.");
        var database = "roster_bench_signin_" + Guid.NewGuid().ToString("N")[..12];
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        await DatabaseMigrator.EnsureDatabaseAsync(admin, cs, CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(cs, CancellationToken.None);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var port = FreePort();
        try
        {
            using var api = new ApiProcess(Root(), cs, port, 1, new Dictionary<string, string>
            {
                ["Roster:SeedDemo"] = "true",
                ["Roster:DemoPassword"] = password,
                ["Roster:TrustedProxies"] = "127.0.0.1",
            });
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(1) };
            await api.WaitReadyAsync(http, TimeSpan.FromMinutes(3));
            string[] known = ["admin", "supervisor", "staff"];
            var address = 0;
            // Warm both paths (JIT, the decoy's first hash, connections) before timing.
            for (var w = 0; w < 3; w++)
            {
                await TimeAsync(http, known[w], "warm-up-wrong", ++address);
                await TimeAsync(http, $"nobody-warm-{w}", "warm-up-wrong", ++address);
            }

            var knownMs = new List<double>();
            var unknownMs = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                knownMs.Add(await TimeAsync(http, known[r % known.Length], $"wrong-{r}", ++address));
                unknownMs.Add(await TimeAsync(http, $"nobody-{r}", $"wrong-{r}", ++address));
            }

            var line = new Dictionary<string, object>
            {
                ["bench"] = "signin",
                ["at"] = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["rounds"] = rounds,
                ["knownMedianMs"] = Math.Round(Median(knownMs), 1),
                ["unknownMedianMs"] = Math.Round(Median(unknownMs), 1),
                ["ratio"] = Math.Round(Median(unknownMs) / Median(knownMs), 3),
                ["processors"] = Environment.ProcessorCount,
            };
            Console.WriteLine(JsonSerializer.Serialize(line));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = new NpgsqlConnection(admin);
            await drop.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", drop);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, string username, string password, int address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username, password }) };
        // 198.18.0.0/15 is set aside for benchmarks; one address per attempt keeps every attempt under the throttle's limits.
        request.Headers.Add("X-Forwarded-For", $"198.18.{address / 250}.{(address % 250) + 1}");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException($"{username}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Roster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Roster.sln not found above " + AppContext.BaseDirectory);
    }
}
