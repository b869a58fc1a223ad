using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>
/// The extremes the random fuzz sample reaches only now and then, sent to every read that takes a date or an instant in
/// its query: the first and last days NodaTime and PostgreSQL can hold, in each such parameter alone and in all at once,
/// with real ids in the path. Each answer is a success or problem details, never a server error.
/// </summary>
public sealed class ExtremeDateQueryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly Dictionary<string, string[]> Extremes = new(StringComparer.Ordinal)
    {
        ["date"] = ["0001-01-01", "9999-12-31", "1900-01-01", "2999-12-31"],
        ["date-time"] = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"],
    };

    [Fact]
    public async Task EveryDateOrInstantQuery_AtTheEdgesOfTheCalendar_AnswersWithoutAServerError()
    {
        var client = await api.ClientAsync("admin");
        var model = new OpenApiModel(await api.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json"));
        var ids = await IdsAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in model.Operations.Where(o => o.Method == "get"))
        {
            var dated = operation.Query.Where(p => Format(p) is { } f && Extremes.ContainsKey(f)).ToList();
            if (dated.Count == 0)
            {
                continue;
            }

            var path = operation.Path.Aggregate(operation.Template, (t, p) => t.Replace("{" + p.Name + "}", IdFor(p.Name, ids), StringComparison.Ordinal));
            foreach (var url in Urls(path, operation, dated, ids))
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} GET {url}");
                }
                else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{(int)response.StatusCode} without problem details: GET {url}");
                }
            }
        }

        Assert.True(sent > 40, $"only {sent} requests: the document lists too few dated reads");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("duty-log", "from=2999-12-31", "from")]
    [InlineData("check-ins", "to=1900-01-01", "to")]
    [InlineData("check-ins", "from=2027-01-02&to=2027-01-01", "to")]
    [InlineData("duty-log", "from=9999-12-31", "from")]
    public async Task ARangeThatEndsBeforeItStarts_OrLeavesTheCalendar_IsRefusedAgainstTheField(string list, string query, string field)
    {
        var client = await api.ClientAsync("admin");
        var ids = await IdsAsync();
        using var response = await client.GetAsync($"/api/v1/periods/{ids.Period}/units/{ids.Unit}/{list}?{query}");
        Assert.Equal(400, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    private static IEnumerable<string> Urls(string path, FuzzOperation operation, List<FuzzParameter> dated, Ids ids)
    {
        var others = operation.Query.Except(dated).Where(p => p.Name is "unit" or "period")
            .Select(p => $"{p.Name}={(p.Name == "unit" ? ids.Unit : ids.Period)}").ToList();
        string With(IEnumerable<string> pairs) => path + "?" + string.Join("&", others.Concat(pairs));
        foreach (var parameter in dated)
        {
            foreach (var value in Extremes[Format(parameter)!])
            {
                yield return With([$"{parameter.Name}={Uri.EscapeDataString(value)}"]);
            }
        }

        foreach (var index in new[] { 0, 1 })
        {
            yield return With(dated.Select(p => $"{p.Name}={Uri.EscapeDataString(Extremes[Format(p)!][index])}"));
            yield return With(dated.Select((p, i) => $"{p.Name}={Uri.EscapeDataString(Extremes[Format(p)!][(i + index) % 2])}"));
        }
    }

    private static string? Format(FuzzParameter parameter) =>
        parameter.Schema.ValueKind == JsonValueKind.Object && parameter.Schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    private static string IdFor(string name, Ids ids) => name.ToUpperInvariant() switch
    {
        var n when n.Contains("PERIOD", StringComparison.Ordinal) => ids.Period,
        var n when n.Contains("PERSON", StringComparison.Ordinal) => ids.Person,
        var n when n.Contains("ACCOUNT", StringComparison.Ordinal) => ids.Account,
        _ => ids.Unit,
    };

    private Task<Ids> IdsAsync() => api.WithWorkAsync(async w =>
    {
        var period = await w.Connection.QuerySingleAsync<Guid>("SELECT id FROM periods ORDER BY first_day LIMIT 1", transaction: w.Transaction);
        var person = await w.Connection.QuerySingleAsync<Guid>(
            "SELECT id FROM people WHERE unit_id = @unit ORDER BY id LIMIT 1", new { unit = api.School1Id }, w.Transaction);
        var account = await w.Connection.QuerySingleAsync<Guid>("SELECT id FROM accounts ORDER BY username LIMIT 1", transaction: w.Transaction);
        return new Ids(api.School1Id.ToString(), period.ToString(), person.ToString(), account.ToString());
    });

    private sealed record Ids(string Unit, string Period, string Person, string Account);
}
