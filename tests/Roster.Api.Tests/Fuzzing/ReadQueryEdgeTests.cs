using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>
/// What the random fuzz sample reaches only now and then, sent to every read, each query parameter in turn, with real ids
/// in the path and the unit and period the query names: every hostile text, and for dates and instants the first and
/// last days NodaTime can hold and the ends of the range a query may ask about, alone and in all of them at once. Each
/// answer is a success or problem details, never a server error.
/// </summary>
public sealed class ReadQueryEdgeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly Dictionary<string, string[]> Extremes = new(StringComparer.Ordinal)
    {
        ["date"] = ["0001-01-01", "9999-12-31", "1900-01-01", "2999-12-31"],
        ["date-time"] = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"],
    };

    [Fact]
    public async Task EveryQueryOfEveryRead_AtItsEdges_AnswersWithoutAServerError()
    {
        var client = await api.ClientAsync("admin");
        var model = new OpenApiModel(await api.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json"));
        var ids = await IdsAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in model.Operations.Where(o => o.Method == "get"))
        {
            var path = operation.Path.Aggregate(operation.Template, (t, p) => t.Replace("{" + p.Name + "}", IdFor(p.Name, ids), StringComparison.Ordinal));
            foreach (var url in Urls(path, operation, ids))
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

        Assert.True(sent > 1000, $"only {sent} requests: the document lists too few reads with queries");
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

    private static IEnumerable<string> Urls(string path, FuzzOperation operation, Ids ids)
    {
        var dated = operation.Query.Where(p => Format(p) is { } f && Extremes.ContainsKey(f)).ToList();
        // The unit and period the query names stay real, unless they are the parameter under test.
        var scope = operation.Query.Where(p => p.Name is "unit" or "period")
            .ToDictionary(p => p, p => $"{p.Name}={(p.Name == "unit" ? ids.Unit : ids.Period)}");
        foreach (var parameter in operation.Query)
        {
            var others = scope.Where(s => s.Key != parameter).Select(s => s.Value);
            var values = Format(parameter) is { } f && Extremes.TryGetValue(f, out var extremes) ? [.. extremes, .. HostileValues.Texts] : HostileValues.Texts;
            foreach (var value in values)
            {
                yield return path + "?" + string.Join("&", others.Append($"{parameter.Name}={Uri.EscapeDataString(value)}"));
            }
        }

        string With(IEnumerable<string> pairs) => path + "?" + string.Join("&", scope.Values.Concat(pairs));
        foreach (var index in dated.Count == 0 ? [] : new[] { 0, 1 })
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
