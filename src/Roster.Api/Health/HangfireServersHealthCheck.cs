using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Roster.Scheduler.Hosting;

namespace Roster.Api.Health;

/// <summary>
/// Hangfire's servers, from the heartbeats in its <c>hangfire.server</c> table: when this process hosts the scheduler,
/// its own server must be beating (else unhealthy); otherwise some server of the installation should be (else degraded:
/// the API still serves, but nothing delivers).
/// </summary>
internal sealed class HangfireServersHealthCheck(NpgsqlDataSource db, IOptions<SchedulerOptions> options, SchedulerInstance instance) : IHealthCheck
{
    /// <summary>Hangfire beats every 30 s; two missed beats and a margin.</summary>
    private const int FreshSeconds = 90;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosted = options.Value.Enabled;
        try
        {
            await using var connection = await db.OpenConnectionAsync(cancellationToken);
            var (live, mine) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition("""
                SELECT count(*), count(*) FILTER (WHERE starts_with(lower(id), lower(@me) || ':'))
                FROM hangfire.server
                WHERE lastheartbeat > (now() AT TIME ZONE 'utc') - make_interval(secs => @fresh)
                """, new { me = instance.Name, fresh = FreshSeconds }, cancellationToken: cancellationToken));
            var data = new Dictionary<string, object> { ["liveServers"] = live, ["hostedHere"] = hosted };
            if (hosted && mine == 0)
            {
                return HealthCheckResult.Unhealthy($"This process's Hangfire server ({instance.Name}) has no recent heartbeat.", data: data);
            }

            return live > 0
                ? HealthCheckResult.Healthy($"{live} Hangfire server(s) alive.", data)
                : HealthCheckResult.Degraded("No Hangfire server is alive: notifications wait until a scheduler node runs.", data: data);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return hosted
                ? HealthCheckResult.Unhealthy("Hangfire's schema does not exist yet.")
                : HealthCheckResult.Degraded("No scheduler has run against this database yet.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Hangfire's servers cannot be read: " + e.Message);
        }
    }
}
