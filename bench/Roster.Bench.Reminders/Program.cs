using System.Globalization;
using Dapper;
using NodaTime;
using Npgsql;
using Roster.Bench.Reminders;
using Roster.Core.Storage;
using Roster.Core.Storage.Reminders;

// ./roster bench reminders: N assignments whose reminders fall due in a window, two scheduler processes, one JSON line.
var assignments = Option("--assignments", 10_000);
var windowSeconds = Option("--window-seconds", 300);
var leadSeconds = Option("--lead-seconds", 40);
var admin = Environment.GetEnvironmentVariable("ROSTER_BENCH_DB")
    ?? throw new InvalidOperationException("ROSTER_BENCH_DB (an admin connection string) is not set; run ./roster bench reminders.");
var root = FindRoot();
var database = "roster_bench_" + Guid.NewGuid().ToString("N")[..12];
var cs = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
await DatabaseMigrator.EnsureDatabaseAsync(admin, cs, CancellationToken.None);
await DatabaseMigrator.MigrateAsync(cs, CancellationToken.None);

using var receiver = new Receiver();
var clock = TimeProvider.System;
Instant Now() => Instant.FromDateTimeOffset(clock.GetUtcNow());
var firstDue = Now() + Duration.FromSeconds(leadSeconds);
await using (var db = RosterDataSource.Create(cs))
{
    await using var work = await DbWork.BeginAsync(db, CancellationToken.None);
    var version = await Seed.PublishAsync(work, receiver.Port, assignments, firstDue, Duration.FromSeconds(windowSeconds), Now());
    await ReminderPlanner.SyncForVersionAsync(work, version, Now(), CancellationToken.None);
    await work.CommitAsync(CancellationToken.None);
}

Console.Error.WriteLine($"bench: {assignments} reminders due from {firstDue} over {windowSeconds} s; starting two schedulers");
using (var a = new SchedulerNode(root, "bench-a", cs))
using (var b = new SchedulerNode(root, "bench-b", cs))
{
    await Task.WhenAll(a.Ready, b.Ready).WaitAsync(TimeSpan.FromMinutes(2));
    var deadline = firstDue + Duration.FromSeconds(windowSeconds + 90);
    while (Now() < deadline && receiver.Calls.Select(c => c.Key).Distinct().Count() < assignments)
    {
        await Task.Delay(1000);
    }

    // Late duplicates would arrive after the last first delivery; give them a moment.
    await Task.Delay(3000);
    await using (var split = new NpgsqlConnection(cs))
    {
        await split.OpenAsync();
        // Where the time goes: due → notification written (dispatch), due → marked sent (delivery).
        var line = await split.ExecuteScalarAsync<string>("""
            SELECT 'dispatch p50/p99 ms ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - due_at)) * 1000)
                || '/' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - due_at)) * 1000)
                || ', sent p50/p99 ms ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)) * 1000)
                || '/' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)) * 1000)
            FROM notifications WHERE channel = 'webhook'
            """);
        Console.Error.WriteLine("bench: " + line);
    }

    if (receiver.Calls.Select(c => c.Key).Distinct().Count() < assignments)
    {
        await DiagnoseAsync(cs);
    }
}

var calls = receiver.Calls.ToList();
var first = calls.GroupBy(c => c.Key).Select(g => g.OrderBy(c => c.At).First()).ToList();
var lateness = first.Select(c => Math.Max(0, (c.At - c.Due).TotalMilliseconds)).Order().ToList();
double P(double q) => lateness.Count == 0 ? 0 : lateness[Math.Min(lateness.Count - 1, (int)Math.Ceiling(q * lateness.Count) - 1)];
Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
{
    delivered = first.Count,
    duplicates = calls.Count - first.Count,
    lost = assignments - first.Count,
    latenessMs = new { p50 = Math.Round(P(0.50)), p99 = Math.Round(P(0.99)), max = Math.Round(lateness.Count == 0 ? 0 : lateness[^1]) },
}));

NpgsqlConnection.ClearAllPools();
await using (var connection = new NpgsqlConnection(admin))
{
    await connection.OpenAsync();
    await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Roster.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Roster.sln not found");
}

static async Task DiagnoseAsync(string cs)
{
    await using var diagnose = new NpgsqlConnection(cs);
    await diagnose.OpenAsync();
    foreach (var line in await diagnose.QueryAsync<string>("""
        SELECT 'reminders ' || status || ' ' || count(*) FROM reminders GROUP BY status
        UNION ALL SELECT 'notifications ' || channel || ' ' || status || ' ' || count(*) FROM notifications GROUP BY channel, status
        UNION ALL SELECT 'trigger ' || trigger_name || ' ' || trigger_state || ' next ' || to_timestamp((next_fire_time - 621355968000000000) / 1e7)::text
                  || ' prev ' || to_timestamp((prev_fire_time - 621355968000000000) / 1e7)::text || ' now ' || now()::text FROM qrtz_triggers
        UNION ALL SELECT 'pending ' || due_at::text || ' ' || shift_starts_at::text FROM reminders WHERE status = 'pending'
        UNION ALL SELECT 'activity ' || state || ' ' || coalesce(wait_event_type, '') || ' ' || coalesce(wait_event, '') || ' xact ' || coalesce(xact_start::text, '') || ' ' || left(query, 200)
                  FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
        UNION ALL SELECT 'attempt ' || coalesce(detail, '') || ' ' || count(*) FROM notification_attempts WHERE NOT succeeded GROUP BY detail
        """))
    {
        Console.Error.WriteLine("bench: " + line);
    }
}

