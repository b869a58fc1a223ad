using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Roster.Bench.Service;
using Roster.Core.Storage;

// ./roster bench service: seed a district, generate every unit through the job system, serve it, load it, one JSON line.
// ./roster bench signin: sign-in time for known and unknown usernames (SignInTiming).
if (args is ["signin", ..])
{
    await SignInTiming.RunAsync(args[1..]);
    return;
}

var o = BenchOptions.Parse(args);
var admin = Environment.GetEnvironmentVariable("ROSTER_BENCH_DB")
    ?? throw new InvalidOperationException("ROSTER_BENCH_DB (an admin connection string) is not set; run ./roster bench service.");
var root = FindRoot();
var database = "roster_bench_" + Guid.NewGuid().ToString("N")[..12];
// ROSTER_BENCH_NPGSQL: extra connection-string keywords for the API under test (e.g. "Max Auto Prepare=64"), to compare settings.
var cs = new NpgsqlConnectionStringBuilder(admin + ";" + Environment.GetEnvironmentVariable("ROSTER_BENCH_NPGSQL")) { Database = database, MaxPoolSize = 200 }
    .ConnectionString;
await DatabaseMigrator.EnsureDatabaseAsync(admin, cs, CancellationToken.None);
await DatabaseMigrator.MigrateAsync(cs, CancellationToken.None);
var port = FreePort();
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
try
{
    using var api = new ApiProcess(root, cs, port, o.Workers);
    // With --compressed the clients accept Brotli and gzip like a browser and decode what comes encoded (the decoding is
    // part of their CPU time); by default they accept only identity, as the runs before this option did.
    using var http = new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        AutomaticDecompression = o.Compressed ? DecompressionMethods.All : DecompressionMethods.None,
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromMinutes(5),
    };
    // The API installs the built-in calendar at start-up; the seed needs it.
    await api.WaitReadyAsync(http, TimeSpan.FromMinutes(3));

    var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
    var seedClock = Stopwatch.StartNew();
    var district = await Seed.RunAsync(cs, o, now);
    var seedSeconds = seedClock.Elapsed.TotalSeconds;
    Log($"seeded {o.Units} units × {o.People} people × {o.Days} days in {seedSeconds:F1} s");

    var adminToken = await TokenAsync(http, "bench-admin");
    var supervisorToken = await TokenAsync(http, "bench-supervisor");
    var staffToken = await TokenAsync(http, "bench-staff");

    var cpu = new CpuMeter(api.ProcessId, await PostmasterAsync(cs));
    var generateCpu = cpu.Now();
    var generateTrace = CpuTrace.Start(o.Trace, api.ProcessId, "generate", TimeSpan.FromSeconds(40));
    var generateClock = Stopwatch.StartNew();
    using var start = Request(HttpMethod.Post, $"/api/v1/periods/{district.Period}/units/{district.Bureau}/roster:generate", adminToken);
    // Fixed: an iteration budget per unit (the same rosters on any machine). Time-limited: as a request without iterations,
    // a time limit and the stall budget asked for, or the service's default stall budget when none is.
    start.Content = o.TimeLimit is { } limit
        ? o.Stall is { } stall
            ? JsonContent.Create(new { subtree = true, seconds = limit, seed = 1, stallSeconds = stall })
            : JsonContent.Create(new { subtree = true, seconds = limit, seed = 1 })
        : JsonContent.Create(new { subtree = true, seconds = 120, seed = 1, iterations = o.Iterations });
    using var started = await http.SendAsync(start);
    if (started.StatusCode != HttpStatusCode.Accepted)
    {
        throw new InvalidOperationException($"generate: {started.StatusCode} {await started.Content.ReadAsStringAsync()}");
    }

    var parentId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobs")[0].GetProperty("id").GetString();
    JsonElement parent;
    while (true)
    {
        using var poll = Request(HttpMethod.Get, $"/api/v1/roster-jobs/{parentId}", adminToken);
        using var polled = await http.SendAsync(poll);
        parent = await polled.Content.ReadFromJsonAsync<JsonElement>();
        if (parent.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled")
        {
            break;
        }

        await Task.Delay(200);
    }

    var generateSeconds = generateClock.Elapsed.TotalSeconds;
    var generatedCpu = cpu.Now();
    await CpuTrace.StopAsync(generateTrace);
    var children = parent.GetProperty("children").EnumerateArray().ToList();
    var hard = children.Sum(c => c.TryGetProperty("statistics", out var s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty("hardViolations").GetInt32() : 0);
    // The engine's own time per unit (RosterSolver.Solve, validation and explanations included), summed over the units.
    var engineSeconds = children.Sum(c => c.TryGetProperty("statistics", out var s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty("seconds").GetDouble() : 0);
    double Sum(string property) => children.Sum(c => c.TryGetProperty("statistics", out var s) && s.ValueKind == JsonValueKind.Object
        && s.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0);
    // The roster's quality summed over units: soft penalty (the objective), slots left empty, units whose search stalled.
    var softScore = Sum("softScore");
    var unfilled = Sum("unfilled");
    var stalled = children.Count(c => c.TryGetProperty("statistics", out var s) && s.ValueKind == JsonValueKind.Object
        && s.TryGetProperty("stalled", out var v) && v.ValueKind == JsonValueKind.True);
    var failed = children.Count(c => c.GetProperty("status").GetString() != "succeeded");
    Log($"generated {children.Count} units in {generateSeconds:F1} s ({parent.GetProperty("status").GetString()}, {failed} not succeeded, {hard} hard violations)");

    // Publish every unit (not timed): the reads below serve published rosters.
    await Parallel.ForEachAsync(district.Units, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (unit, ct) =>
    {
        using var publish = Request(HttpMethod.Post, $"/api/v1/periods/{district.Period}/units/{unit}/roster:publish", adminToken);
        using var published = await http.SendAsync(publish, ct);
        if (!published.IsSuccessStatusCode)
        {
            Log($"publish {unit}: {published.StatusCode} {await published.Content.ReadAsStringAsync(ct)}");
        }
    });

    var staffDuties = await BusyStaff.AssignAsync(cs, district.Units[0], district.FirstDay);
    Log($"bench-staff has {staffDuties} published duties in /me/duties' default window");

    var from = district.FirstDay.PlusDays(1);
    var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    var onDutyAt = InstantPattern.ExtendedIso.Format(from.At(new LocalTime(10, 0)).InZoneLeniently(zone).ToInstant());
    var gapsFrom = InstantPattern.ExtendedIso.Format(from.AtStartOfDayInZone(zone).ToInstant());
    var gapsTo = InstantPattern.ExtendedIso.Format(from.PlusDays(14).AtStartOfDayInZone(zone).ToInstant());
    string Date(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var targets = new (string Name, string Path, string Token)[]
    {
        ("coverage", $"/api/v1/coverage?unit={district.Bureau}&from={Date(from)}&to={Date(from.PlusDays(30))}", supervisorToken),
        ("gaps", $"/api/v1/gaps?unit={district.Bureau}&status=open&from={gapsFrom}&to={gapsTo}", supervisorToken),
        ("onDuty", $"/api/v1/on-duty?unit={district.Bureau}&at={onDutyAt}", supervisorToken),
        ("myDuties", "/api/v1/me/duties", staffToken),
        ("roster", $"/api/v1/periods/{district.Period}/units/{district.Units[0]}/roster", supervisorToken),
    };
    var results = new Dictionary<string, object>();
    var duration = TimeSpan.FromSeconds(o.Seconds);
    var onDutyBytes = 0;
    foreach (var (name, path, token) in targets)
    {
        var bytes = 0;
        var wireBytes = 0;
        using (var probe = Request(HttpMethod.Get, path, token))
        using (var answer = await http.SendAsync(probe))
        {
            var body = await answer.Content.ReadAsByteArrayAsync();
            if (!answer.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{name}: {answer.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }

            bytes = body.Length;
            wireBytes = o.Compressed ? await WireBytesAsync(http.BaseAddress!, path, token) : body.Length;
            if (name == "onDuty")
            {
                onDutyBytes = body.Length;
            }

            Log($"{name}: {body.Length} bytes");
        }

        var trace = CpuTrace.Start(o.Trace, api.ProcessId, name, duration);
        var before = cpu.Now();
        var result = await Load.RunAsync(http, () => Request(HttpMethod.Get, path, token), o.Clients, duration);
        var after = cpu.Now();
        await CpuTrace.StopAsync(trace);
        double PerRequest(double spent) => Math.Round(spent / Math.Max(1, result.Requests + Load.WarmUps(o.Clients)), 3);
        results[name] = new
        {
            p50Ms = result.P50Ms, p99Ms = result.P99Ms, rps = result.Rps, requests = result.Requests, errors = result.Errors, bytes, wireBytes,
            cpuMs = new { api = PerRequest(after.Api - before.Api), db = PerRequest(after.Db - before.Db), client = PerRequest(after.Client - before.Client) },
        };
        Log($"{name}: {JsonSerializer.Serialize(results[name], json)}");
    }

    var barePort = FreePort();
    await using (var bare = await BareServer.StartAsync(barePort, new byte[onDutyBytes]))
    {
        var result = await Load.RunAsync(http, () => new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{barePort}/bare"), o.Clients, duration);
        results["bare"] = new { p50Ms = result.P50Ms, p99Ms = result.P99Ms, rps = result.Rps, bytes = onDutyBytes };
    }

    var line = new Dictionary<string, object>
    {
        ["units"] = o.Units, ["people"] = o.People, ["days"] = o.Days, ["clients"] = o.Clients, ["workers"] = o.Workers,
        ["encoding"] = o.Compressed ? "br, gzip" : "identity",
        ["seedSeconds"] = Math.Round(seedSeconds, 2), ["generateSeconds"] = Math.Round(generateSeconds, 2),
        ["generation"] = o.TimeLimit is { } timeLimit
            ? new Dictionary<string, object> { ["timeLimitSeconds"] = timeLimit, ["stallSeconds"] = o.Stall is { } st ? st : "default" }
            : new Dictionary<string, object> { ["iterations"] = o.Iterations },
        ["generated"] = children.Count - failed, ["hardViolations"] = hard,
        ["softScore"] = Math.Round(softScore, 2), ["unfilled"] = unfilled, ["stalledUnits"] = stalled,
        ["engineSeconds"] = Math.Round(engineSeconds, 2),
        ["generateCpuSeconds"] = new
        {
            api = Math.Round((generatedCpu.Api - generateCpu.Api) / 1000, 2), db = Math.Round((generatedCpu.Db - generateCpu.Db) / 1000, 2),
            client = Math.Round((generatedCpu.Client - generateCpu.Client) / 1000, 2),
        },
    };
    foreach (var (key, value) in results)
    {
        line[key] = value;
    }

    Console.WriteLine(JsonSerializer.Serialize(line, json));
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using var drop = new NpgsqlConnection(admin);
    await drop.OpenAsync();
    await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", drop);
    await command.ExecuteNonQueryAsync();
}

static HttpRequestMessage Request(HttpMethod method, string path, string token)
{
    var request = new HttpRequestMessage(method, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return request;
}

static async Task<string> TokenAsync(HttpClient http, string username)
{
    using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Seed.Password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

// The size of the answer as sent to a client accepting Brotli and gzip (HttpClient's decoding hides it).
static async Task<int> WireBytesAsync(Uri baseAddress, string path, string token)
{
    using var raw = new HttpClient { BaseAddress = baseAddress };
    using var request = Request(HttpMethod.Get, path, token);
    request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
    using var answer = await raw.SendAsync(request);
    return (await answer.Content.ReadAsByteArrayAsync()).Length;
}

// The postmaster: the parent of this connection's backend.
static async Task<int> PostmasterAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
    var backend = (int)(await command.ExecuteScalarAsync())!;
    var stat = await File.ReadAllTextAsync($"/proc/{backend}/stat");
    return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static void Log(string message) => Console.Error.WriteLine("bench: " + message);

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Roster.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Roster.sln not found above " + AppContext.BaseDirectory);
}
