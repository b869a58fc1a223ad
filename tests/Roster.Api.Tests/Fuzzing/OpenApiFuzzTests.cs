using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Dapper;
using Xunit.Abstractions;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>
/// Every operation of the OpenAPI document, called with generated paths, queries and bodies (wrong types, extremes,
/// malformed ids and dates, a megabyte of text, unknown enum values, missing fields, duplicated keys) by an
/// administrator, a staff member, a supervisor and nobody: never a server error, every refusal is problem details, and a
/// refused request writes no row. CI runs a bounded sample; <c>./roster fuzz --minutes N</c> runs longer
/// (ROSTER_FUZZ_SECONDS); a failure prints the seed that replays it (ROSTER_FUZZ_SEED).
/// </summary>
public sealed class OpenApiFuzzTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    /// <summary>Tables a refused request may write by design: a failed sign-in is counted to throttle guessing.</summary>
    private static readonly string[] WrittenWhenRefused = ["sign_in_attempts"];

    [Theory]
    [InlineData("admin")]
    [InlineData("staff")]
    [InlineData("school1-supervisor")]
    [InlineData("")]
    public async Task GeneratedRequests_NeverFailOnTheServer_RefuseWithProblems_AndRefusalsWriteNothing(string username)
    {
        if (username == "school1-supervisor")
        {
            await EnsureSupervisorAsync(username);
        }

        var client = username.Length == 0 ? api.AnonymousClient() : await api.ClientAsync(username);
        var model = new OpenApiModel(await api.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json"));
        Assert.True(model.Operations.Count > 80, $"only {model.Operations.Count} operations in the document");
        var schemas = new SchemaGen(model, await KnownIdsAsync());
        var requests = Gen.OneOf([.. model.Operations.Select(o => RequestFor(o, schemas))]);

        var seconds = int.TryParse(Environment.GetEnvironmentVariable("ROSTER_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 20;
        var statuses = new Dictionary<int, int>();
        await requests.SampleAsync(async request =>
        {
            var status = await CheckAsync(client, request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }, seed: Environment.GetEnvironmentVariable("ROSTER_FUZZ_SEED"), time: seconds, threads: 1, print: r => r.ToString());

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(statuses.Values.Sum() > 20, $"only {statuses.Values.Sum()} requests sent in {seconds} s");
        if (username.Length > 0)
        {
            // The generated requests get past authentication and binding: some succeed, some fail validation.
            Assert.Contains(statuses.Keys, k => k is >= 200 and < 300);
            Assert.Contains(statuses.Keys, k => k is 400 or 422);
        }
    }

    private async Task<int> CheckAsync(HttpClient client, FuzzRequest request)
    {
        await SettleGenerationAsync();
        var before = await RowCounts.OfAsync(api);
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method.ToUpperInvariant()), request.Url);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        // Headers first: a live event stream (text/event-stream) answers 200 and never ends, so its body is not read.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            Assert.True(status == 200, $"an event stream answered {status}");
            return status;
        }

        await response.Content.LoadIntoBufferAsync(timeout.Token);
        Assert.True(status < 500, $"{status} {await response.Content.ReadAsStringAsync()}");
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{status} answered {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not problem details");
            var after = await RowCounts.OfAsync(api);
            var written = after.Where(t => !WrittenWhenRefused.Contains(t.Key) && before.GetValueOrDefault(t.Key) != t.Value)
                .Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key)} → {t.Value}").ToList();
            Assert.True(written.Count == 0, $"{status} but rows were written: {string.Join(", ", written)}");
        }

        return status;
    }

    /// <summary>Waits (up to 30 s) for generation jobs an earlier request queued: such a job writes its roster in the
    /// background, and rows counted while it runs would be blamed on the request under test.</summary>
    private async Task SettleGenerationAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            var active = await api.WithWorkAsync(async w => await w.Connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM roster_jobs WHERE status IN ('queued', 'running')", transaction: w.Transaction));
            if (active == 0)
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    private static Gen<FuzzRequest> RequestFor(FuzzOperation operation, SchemaGen schemas)
    {
        var path = Sequence(operation.Path.Select(p => schemas.Text(p.Schema).Select(v => (p.Name, Value: v))));
        var query = Sequence(operation.Query.Select(p =>
            Gen.Frequency((2, schemas.Text(p.Schema).Select(v => $"{p.Name}={Uri.EscapeDataString(v)}")), (1, Gen.Const("")))));
        var body = operation.Body is { } schema
            ? Gen.Frequency((8, schemas.For(schema).Select(b => (string?)b)), (1, Gen.Const(default(string))), (1, Gen.Const<string?>("{\"a\":")))
            : Gen.Const(default(string));
        return Gen.Select(path, query, body, (segments, pairs, json) =>
        {
            var url = segments.Aggregate(operation.Template, (t, p) => ReplaceParameter(t, p.Name, p.Value));
            var present = pairs.Where(q => q.Length > 0).ToList();
            return new FuzzRequest(operation, present.Count == 0 ? url : url + "?" + string.Join("&", present), json);
        });
    }

    private static string ReplaceParameter(string template, string name, string value)
    {
        var start = template.IndexOf("{" + name, StringComparison.Ordinal);
        var end = template.IndexOf('}', start);
        var segment = value.Length == 0 ? "%20" : Uri.EscapeDataString(value);
        return template[..start] + segment + template[(end + 1)..];
    }

    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> parts) =>
        parts.Aggregate(Gen.Const(Array.Empty<T>()), (all, next) => Gen.Select(all, next, (a, n) => (T[])[.. a, n]));

    private Task<IReadOnlyList<string>> KnownIdsAsync() => api.WithWorkAsync<IReadOnlyList<string>>(async w =>
    {
        var ids = await w.Connection.QueryAsync<Guid>("""
            (SELECT id FROM units ORDER BY code LIMIT 4)
            UNION ALL (SELECT id FROM periods LIMIT 2)
            UNION ALL (SELECT id FROM people ORDER BY id LIMIT 3)
            UNION ALL (SELECT id FROM accounts ORDER BY username LIMIT 3)
            """, transaction: w.Transaction);
        return [.. ids.Select(i => i.ToString())];
    });

    private async Task EnsureSupervisorAsync(string username)
    {
        var exists = await api.WithWorkAsync(async w => await AccountStore.FindByUsernameAsync(w, username, CancellationToken.None) is not null);
        if (!exists)
        {
            await api.CreateAccountAsync(username, null, api.School1Id, GrantRoles.Supervisor);
        }
    }
}
