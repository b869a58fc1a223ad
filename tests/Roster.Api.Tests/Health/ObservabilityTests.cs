using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Roster.Api.Tests.Feeds;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Health;

public sealed class ObservabilityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Metrics_WithoutTheScrapeToken_Is401EvenForASignedInAdmin()
    {
        var anonymous = await api.AnonymousClient().GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        var admin = await (await api.ClientAsync("admin")).GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithTheScrapeToken_ShowGenerationsOpenGapsHttpAndDatabase()
    {
        var admin = await api.ClientAsync("admin");
        await PublishedRosters.GenerateAsync(admin, await api.DemoPeriodIdAsync(admin), api.School1Id, seed: 3);

        var scraper = api.AnonymousClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFixture.ScrapeToken);
        var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Matches(@"roster_generations_total\{[^}]*outcome=""succeeded""[^}]*\} [1-9]", text);
        Assert.Contains("roster_generation_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Matches(@"roster_generation_hard_violations_bucket\{[^}]*le=""0""[^}]*\} [1-9]", text);
        Assert.Matches(@"roster_gaps_open\{[^}]*kind=""unfilled""", text);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("db_client_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_IsOneServerSpanWithNpgsqlChildren_AndOneRequestLineInTheSameTrace()
    {
        var spans = new List<Activity>();
        var lines = new CapturedLogs();
        await using var factory = api.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Roster.Api.Hosting.RequestLines", "Information");
            b.UseSetting("Observability:Traces", "true");
            b.ConfigureTestServices(s =>
            {
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                s.AddSingleton<ILoggerProvider>(lines);
            });
        });
        var token = factory.Services.GetRequiredService<Roster.Api.Auth.TokenIssuer>();
        var client = factory.CreateClient();
        var account = await api.AccountAsync("admin");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Issue(account).Token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);

        static bool IsLine((string Category, string Message, string? TraceId) e) => e.Message.StartsWith("GET /api/v1/units 200", StringComparison.Ordinal);
        await Eventually(() => lines.Entries.Any(IsLine) ? lines : null);
        var line = Assert.Single(lines.Entries, IsLine);
        // The listener sees every test server in the process (tests run in parallel and other requests to /api/v1/units
        // are traced too), so the span is found by this request line's trace, not as the latest one.
        var server = await Eventually(() => spans.ToArray().LastOrDefault(s => s.Kind == ActivityKind.Server
            && s.DisplayName.Contains("/api/v1/units", StringComparison.Ordinal) && s.TraceId.ToString() == line.TraceId));
        // A copy: background work (the change feed's LISTEN ping) keeps adding Npgsql spans to the exporter's list.
        Assert.Contains(spans.ToArray(), s => s.Source.Name == "Npgsql" && s.TraceId == server.TraceId);
    }

    private static async Task<T> Eventually<T>(Func<T?> read)
        where T : class
    {
        for (var i = 0; i < 50; i++)
        {
            if (read() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("not seen within 5 s");
    }
}
