using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Roster.Scheduler.Observability;

namespace Roster.Api.Hosting;

/// <summary>
/// The Prometheus scrape endpoint <c>/metrics</c>: installation-wide numbers, so not for any signed-in account but for
/// the scraper holding <c>Observability:ScrapeToken</c> (sent as a bearer token). Without a configured token it is not
/// served at all; a scheduler node serves its metrics on its own port instead (<c>Observability:MetricsPort</c>).
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void MapMetrics(this WebApplication app)
    {
        var token = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.ScrapeToken;
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            var given = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A scrape token is required",
                    detail: "Send Observability:ScrapeToken as a bearer token.").ExecuteAsync(http);
                return;
            }

            await next(http);
        }), optionsName: null).AllowAnonymous().WithTags("Health").ExcludeFromDescription();
    }

    /// <summary>The exporter the endpoint serves; no response cache, so a scrape sees what happened just before.</summary>
    public static MeterProviderBuilder AddScrapeExporter(this MeterProviderBuilder metrics) =>
        metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
}
