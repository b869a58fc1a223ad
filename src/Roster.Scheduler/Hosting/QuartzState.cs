using Dapper;
using NodaTime;
using Npgsql;

namespace Roster.Scheduler.Hosting;

/// <summary>
/// Reads next fire times and cluster nodes straight from Quartz's tables, so any process (the API with or without a
/// hosted scheduler) can show them. Quartz stores times as .NET ticks.
/// </summary>
public static class QuartzState
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    public static async Task<(IReadOnlyList<QuartzJobState> Jobs, IReadOnlyList<QuartzNodeState> Nodes)> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var jobs = await connection.QueryAsync<(string, string, long?, long?)>(new CommandDefinition("""
                SELECT trigger_name, trigger_state, next_fire_time, prev_fire_time FROM qrtz_triggers
                WHERE sched_name = 'roster' ORDER BY trigger_name
                """, cancellationToken: ct));
            var nodes = await connection.QueryAsync<(string, long)>(new CommandDefinition("""
                SELECT instance_name, last_checkin_time FROM qrtz_scheduler_state WHERE sched_name = 'roster' ORDER BY instance_name
                """, cancellationToken: ct));
            return (
                [.. jobs.Select(j => new QuartzJobState(j.Item1, j.Item2, ToInstant(j.Item3), ToInstant(j.Item4)))],
                [.. nodes.Select(n => new QuartzNodeState(n.Item1, ToInstant(n.Item2)!.Value))]);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No scheduler has run against this database yet.
            return ([], []);
        }
    }

    private static Instant? ToInstant(long? ticks) => ticks is > 0 ? Instant.FromUnixTimeTicks(ticks.Value - UnixEpochTicks) : null;
}
