using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Roster.Client;
using Roster.Client.Models;
using Roster.KiotaScenario;

// Usage: KiotaScenario BASE_URL USERNAME PASSWORD
// Signs in, generates and publishes the demo period's roster for the account's school, reads it and the gaps, and reads
// a problem body on 404 — all through the generated client — and checks the instants it read equal the raw JSON's.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: KiotaScenario BASE_URL USERNAME PASSWORD");
    return 2;
}

var baseUrl = args[0].TrimEnd('/');
using var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
try
{
    var anonymous = new RosterClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });
    var token = await anonymous.Api.V1.Auth.Token.PostAsync(new TokenRequest { Username = args[1], Password = args[2] });
    var accessToken = Check.NotNull(token?.AccessToken, "accessToken");
    Check.True(token!.ExpiresAt > DateTimeOffset.MinValue, "expiresAt is read");

    var client = new RosterClient(new HttpClientRequestAdapter(new BearerToken(accessToken), httpClient: http) { BaseUrl = baseUrl });
    var me = Check.NotNull(await client.Api.V1.Me.GetAsync(), "me");
    var unitId = Check.NotNull(Check.NotNull(me.Grants, "grants").First(g => g.Role == GrantResponse_role.Admin).UnitId, "grant unitId");
    var periods = Check.NotNull(await client.Api.V1.Periods.GetAsync(c => { c.QueryParameters.Unit = unitId; c.QueryParameters.Limit = 10; }), "periods");
    var period = Check.NotNull(periods.Items, "periods.items").First();
    var periodId = Check.NotNull(period.Id, "period id");
    Check.True(period.Rules is { Count: > 0 }, "the period's rules are read as rule records");

    var unit = client.Api.V1.Periods[periodId].Units[unitId];
    var started = Check.NotNull(await unit.RosterGenerate.PostAsync(new GenerateRequest { Seconds = 60, Seed = 7, Iterations = 50_000 }), "generate");
    var jobId = Check.NotNull(Check.NotNull(started.Jobs, "jobs")[0].Id, "job id");
    RosterJobResponse job;
    var polls = 0;
    do
    {
        await Task.Delay(200);
        job = Check.NotNull(await client.Api.V1.RosterJobs[jobId].GetAsync(), "job");
    }
    while (job.Status is RosterJobResponse_status.Queued or RosterJobResponse_status.Running && ++polls < 600);
    Check.Equal(RosterJobResponse_status.Succeeded, job.Status, "job status");
    Check.True(job.StartedAt is not null && job.FinishedAt is not null, "a finished job's startedAt and finishedAt are read");
    Check.True(Check.NotNull(job.Statistics, "statistics").Slots > 0, "statistics are read as a record");
    await CompareInstantsAsync(http, accessToken, $"api/v1/roster-jobs/{jobId}", ("startedAt", job.StartedAt), ("finishedAt", job.FinishedAt), ("createdAt", job.CreatedAt));

    var published = Check.NotNull(await unit.RosterPublish.PostAsync(), "publish");
    Check.True(published.Version?.PublishedAt is not null, "publish answers the published version");
    var roster = Check.NotNull(await unit.Roster.GetAsync(c => c.QueryParameters.Version = "published"), "roster");
    Check.Equal(RosterResponse_status.Published, roster.Status, "roster status");
    var publishedAt = Check.NotNull(roster.PublishedAt, "roster publishedAt");
    var assignments = Check.NotNull(roster.Assignments, "assignments");
    Check.True(assignments.Count > 0, "the roster has assignments");
    Check.True(roster.Score is not null, "the score is read");
    var first = assignments[0];
    await CompareInstantsAsync(http, accessToken, $"api/v1/periods/{periodId}/units/{unitId}/roster?version=published",
        ("publishedAt", publishedAt), ("createdAt", roster.CreatedAt), ("assignments[0].start", first.Start), ("assignments[0].end", first.End));

    var from = Check.NotNull(first.Start, "first start");
    var gaps = Check.NotNull(await client.Api.V1.Gaps.GetAsync(c =>
    {
        c.QueryParameters.Unit = unitId;
        c.QueryParameters.From = from.AddDays(-1);
        c.QueryParameters.Limit = 200;
    }), "gaps");
    var gapItems = Check.NotNull(gaps.Items, "gaps.items");
    if (gapItems.Count > 0)
    {
        var fromText = Uri.EscapeDataString(from.AddDays(-1).ToString("o", CultureInfo.InvariantCulture));
        await CompareInstantsAsync(http, accessToken, $"api/v1/gaps?unit={unitId}&from={fromText}&limit=200",
            ("items[0].startsAt", gapItems[0].StartsAt), ("items[0].endsAt", gapItems[0].EndsAt), ("items[0].resolvedAt", gapItems[0].ResolvedAt));
    }

    try
    {
        await client.Api.V1.Units[Guid.NewGuid()].GetAsync();
        throw new InvalidOperationException("a unit that does not exist was found");
    }
    catch (Problem problem)
    {
        Check.Equal(404, problem.ResponseStatusCode, "problem status code");
        Check.Equal(404, problem.Status, "problem body status");
        Check.True(!string.IsNullOrEmpty(problem.Title), "the problem body has a title");
    }

    Console.WriteLine($"kiota scenario passed: {assignments.Count} assignments, {gapItems.Count} gaps, published at {publishedAt:O}");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or Microsoft.Kiota.Abstractions.ApiException or HttpRequestException)
{
    await Console.Error.WriteLineAsync("kiota scenario failed: " + e);
    return 1;
}

// The raw JSON of the same resource: every instant the client read must be the one on the wire.
static async Task CompareInstantsAsync(HttpClient http, string token, string path, params (string Path, DateTimeOffset? Value)[] read)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    using var wire = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    foreach (var (jsonPath, value) in read)
    {
        var element = wire.RootElement;
        foreach (var step in jsonPath.Split('.'))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            element = bracket < 0
                ? element.GetProperty(step)
                : element.GetProperty(step[..bracket])[int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture)];
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            Check.True(value is null, $"{path} {jsonPath} is null on the wire but read as {value:O}");
            continue;
        }

        var onWire = DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture);
        Check.Equal(onWire, Check.NotNull(value, $"{path} {jsonPath} (on the wire: {element.GetString()})"), $"{path} {jsonPath}");
    }
}
