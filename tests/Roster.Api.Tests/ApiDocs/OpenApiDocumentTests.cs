using System.Net;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.ApiDocs;

/// <summary>
/// The document generators are built from: every operation — including ones added after these tests were written — has
/// an id, a summary, a tag, its security, and problem responses; types are what the wire carries.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>The only operations without a bearer token. A new anonymous endpoint must be added here on purpose.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "GET /healthz", "GET /readyz", "POST /api/v1/auth/token", "GET /feeds/{token}.ics",
    ];

    [Fact]
    public async Task EveryOperation_HasIdSummaryTagSecurityAndProblemResponses()
    {
        var document = await OpenApiDocument.FetchAsync(api.AnonymousClient());
        var operations = OpenApiDocument.Operations(document).ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (method, path, operation) in operations)
        {
            var name = $"{method} {path}";
            var id = operation.TryGetProperty("operationId", out var idValue) ? idValue.GetString() : null;
            Assert.False(string.IsNullOrWhiteSpace(id), $"{name} has no operationId");
            Assert.True(ids.Add(id!), $"{name}: operationId {id} is used twice");
            Assert.Matches("^[A-Za-z0-9_]+$", id!);
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{name} has no summary");
            Assert.True(operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{name} has no tag");

            Assert.True(operation.TryGetProperty("security", out var security), $"{name} states no security");
            var bearer = security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));
            Assert.True(bearer != Anonymous.Contains(name), bearer ? $"{name} should be anonymous" : $"{name} is anonymous but not listed as such");

            var responses = operation.GetProperty("responses");
            var problems = responses.EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            Assert.True(problems.Count > 0 || path is "/healthz" or "/readyz", $"{name} declares no 4xx response");
            foreach (var problem in problems)
            {
                var schema = problem.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                Assert.Equal("#/components/schemas/Problem", schema.GetProperty("$ref").GetString());
            }

            if (bearer)
            {
                Assert.True(responses.TryGetProperty("401", out _), $"{name} does not declare 401");
            }
        }
    }

    [Fact]
    public async Task EveryProtectedOperation_AnswersAProblem401WithoutAToken()
    {
        var client = api.AnonymousClient();
        var document = await OpenApiDocument.FetchAsync(client);
        foreach (var (method, path, operation) in OpenApiDocument.Operations(document))
        {
            if (Anonymous.Contains($"{method} {path}"))
            {
                continue;
            }

            var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a token");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task NodaTimeValues_AreInlineStrings_AndNullableOnesStayNullable()
    {
        var document = await OpenApiDocument.FetchAsync(api.AnonymousClient());
        var components = document.GetProperty("components").GetProperty("schemas");
        foreach (var noda in new[] { "Instant", "LocalDate", "LocalTime", "Duration", "LocalDateTime", "DateInterval" })
        {
            Assert.False(components.TryGetProperty(noda, out _), $"{noda} is a component; it must be inline");
        }

        var startedAt = OpenApiDocument.Property(document, "RosterJobResponse", "startedAt");
        Assert.Equal(["null", "string"], OpenApiDocument.Types(startedAt).Order());
        Assert.Equal("date-time", startedAt.GetProperty("format").GetString());
        var publishedAt = OpenApiDocument.Property(document, "RosterResponse", "publishedAt");
        Assert.Equal(["null", "string"], OpenApiDocument.Types(publishedAt).Order());
        Assert.Equal(["string"], OpenApiDocument.Types(OpenApiDocument.Property(document, "GapResponse", "startsAt")));
        Assert.Equal("date", OpenApiDocument.Property(document, "PeriodResponse", "firstDay").GetProperty("format").GetString());
        Assert.Equal("time", OpenApiDocument.Property(document, "PeriodResponse", "dailyReportDue").GetProperty("format").GetString());
        Assert.Equal("duration", OpenApiDocument.Property(document, "SlotResponse", "length").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Numbers_AreNeverAlsoStrings()
    {
        var text = await api.AnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(text);
        var bad = new List<string>();
        Walk(document.RootElement, "#", bad);
        Assert.Empty(bad);

        static void Walk(JsonElement element, string at, List<string> bad)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var types = OpenApiDocument.Types(element);
                if (types.Contains("string") && (types.Contains("integer") || types.Contains("number")))
                {
                    bad.Add(at);
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, at + "/" + property.Name, bad);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{at}/{i++}", bad);
                }
            }
        }
    }

    [Theory]
    [InlineData("GapResponse", "kind", "unfilled,unavailable,conflict,missed_check_in,late_report")]
    [InlineData("GapResponse", "status", "open,resolved")]
    [InlineData("GrantResponse", "role", "admin,supervisor,staff")]
    [InlineData("AssignmentResponse", "role", "leader,staff")]
    [InlineData("PersonResponse", "employmentType", "formal,contract,temporary")]
    [InlineData("RosterJobResponse", "status", "queued,running,succeeded,failed,cancelled")]
    [InlineData("LeaveResponse", "kind", "leave,day_off,compensatory")]
    [InlineData("SlotResponse", "dayType", "workday,weekend,holiday,makeUpWorkday")]
    public async Task ClosedWordSets_AreEnums(string schema, string property, string words)
    {
        var document = await OpenApiDocument.FetchAsync(api.AnonymousClient());
        var value = OpenApiDocument.Property(document, schema, property);
        if (value.TryGetProperty("$ref", out var reference))
        {
            value = OpenApiDocument.Schema(document, reference.GetString()!.Split('/')[^1]);
        }

        Assert.Equal(words.Split(','), value.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [Fact]
    public async Task QueryParameters_AreTyped()
    {
        var document = await OpenApiDocument.FetchAsync(api.AnonymousClient());
        var operations = OpenApiDocument.Operations(document).ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation);
        foreach (var (name, operation) in operations)
        {
            foreach (var parameter in Parameters(operation).Where(p => p.GetProperty("name").GetString() == "limit"))
            {
                Assert.True(OpenApiDocument.Types(parameter.GetProperty("schema")).SequenceEqual(["integer"]), $"{name}: limit is not an integer");
            }
        }

        Assert.Equal("date-time", Format(operations["GET /api/v1/gaps"], "from"));
        Assert.Equal("date", Format(operations["GET /api/v1/periods/{periodId}/units/{unitId}/roster"], "from"));

        static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
            operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [];

        static string? Format(JsonElement operation, string name) =>
            Parameters(operation).Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema").GetProperty("format").GetString();
    }

    [Fact]
    public async Task StoredJson_IsDescribedByRecords_AndRulesAreAUnionByType()
    {
        var document = await OpenApiDocument.FetchAsync(api.AnonymousClient());
        var rules = OpenApiDocument.Property(document, "PeriodResponse", "rules");
        Assert.Equal("#/components/schemas/Rule", rules.GetProperty("items").GetProperty("$ref").GetString());
        var rule = OpenApiDocument.Schema(document, "Rule");
        Assert.Equal("type", rule.GetProperty("discriminator").GetProperty("propertyName").GetString());
        var minRest = OpenApiDocument.Schema(document, rule.GetProperty("discriminator").GetProperty("mapping").GetProperty("minRest").GetString()!.Split('/')[^1]);
        Assert.Equal("duration", minRest.GetProperty("properties").GetProperty("rest").GetProperty("format").GetString());
        Assert.False(minRest.GetProperty("properties").TryGetProperty("ruleType", out _));

        var statistics = OpenApiDocument.Property(document, "RosterJobResponse", "statistics");
        Assert.Contains("hardViolations", statistics.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var score = OpenApiDocument.Property(document, "RosterResponse", "score");
        Assert.Equal(["number"], OpenApiDocument.Types(score.GetProperty("additionalProperties")));
        Assert.Contains("object", OpenApiDocument.Types(OpenApiDocument.Property(document, "AuditResponse", "after")));
        Assert.Contains("years", OpenApiDocument.Property(document, "CalendarResponse", "document").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task VersionedUpdates_RequireIfMatch()
    {
        var document = await OpenApiDocument.FetchAsync(api.AnonymousClient());
        var update = OpenApiDocument.Operations(document).Single(o => o is { Method: "PUT", Path: "/api/v1/units/{id}" }).Operation;
        var ifMatch = update.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "If-Match");
        Assert.Equal("header", ifMatch.GetProperty("in").GetString());
        Assert.True(ifMatch.GetProperty("required").GetBoolean());
        Assert.True(update.GetProperty("responses").TryGetProperty("428", out _));
        Assert.True(update.GetProperty("responses").TryGetProperty("412", out _));
    }

    [Fact]
    public async Task Document_HasAnETag_AndAnswers304WhileUnchanged()
    {
        var client = api.AnonymousClient();
        var first = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }
}
