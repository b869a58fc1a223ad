using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using Npgsql;
using Roster.Scheduler.Hosting;

namespace Roster.Api.Health;

/// <summary>
/// For an API that does not host the scheduler: is some node of the Quartz cluster checking in? Degraded when none is
/// (the API serves, but reminders and gap scans wait). A hosting API uses Quartz's own scheduler check instead.
/// </summary>
/// <remarks>Check-ins are stamped with the machine's time, so they are judged by it too (not by the injected clock).</remarks>
internal sealed class QuartzClusterHealthCheck(NpgsqlDataSource db, TimeProvider time) : IHealthCheck
{
    /// <summary>Nodes check in every 5 s.</summary>
    private static readonly Duration Fresh = Duration.FromSeconds(60);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (_, nodes) = await QuartzState.ReadAsync(db, cancellationToken);
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var live = nodes.Count(n => now - n.LastCheckin < Fresh);
            var data = new Dictionary<string, object> { ["liveNodes"] = live, ["hostedHere"] = false };
            return live > 0
                ? HealthCheckResult.Healthy($"{live} Quartz node(s) checking in.", data)
                : HealthCheckResult.Degraded("No Quartz node is checking in: reminders and gap scans wait until a scheduler node runs.", data: data);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Quartz's cluster state cannot be read: " + e.Message);
        }
    }
}
