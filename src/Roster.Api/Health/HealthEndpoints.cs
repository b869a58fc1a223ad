using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Roster.Api.Health;

/// <summary>Liveness and readiness, open to load balancers without a token.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health");
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health");
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> ReadyAsync(NpgsqlDataSource db, HttpResponse response, CancellationToken ct)
    {
        try
        {
            await using var command = db.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return TypedResults.Ok<object>(new { status = "ready" });
        }
        catch (NpgsqlException e)
        {
            response.Headers.RetryAfter = Roster.Api.Problems.DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: 503, title: "Database unreachable", detail: e.Message);
        }
    }
}
