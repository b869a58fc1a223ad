using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Roster.Api.Problems;

namespace Roster.Api.Health;

/// <summary>Liveness and readiness, open to load balancers without a token.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health");
        // 200 while healthy or degraded (e.g. no scheduler node alive: the API still serves); 503 problem details with
        // Retry-After when a check fails (e.g. PostgreSQL unreachable).
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(HealthChecksSetup.Ready),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous().WithTags("Health");
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        // Anyone may ask, so each check says only how it is: descriptions name hosts, instances and connection errors,
        // and reach operators through the health-check log lines (warning when degraded, error when unhealthy).
        var checks = report.Entries.ToDictionary(e => e.Key, e => (object)new
        {
            status = Name(e.Value.Status),
            durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
        });
        if (report.Status == HealthStatus.Unhealthy)
        {
            http.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var failing = string.Join(", ", report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key));
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                detail: $"Failing: {failing}.", extensions: new Dictionary<string, object?> { ["checks"] = checks }).ExecuteAsync(http);
        }

        return http.Response.WriteAsJsonAsync(new { status = Name(report.Status), checks }, JsonSerializerOptions.Web, http.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
