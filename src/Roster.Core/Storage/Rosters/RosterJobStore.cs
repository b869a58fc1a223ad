using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Rosters;

/// <summary>Background generation jobs.</summary>
public static class RosterJobStore
{
    private const string Columns =
        "id, period_id, unit_id, status, progress, seed, seconds, iterations, requested_by, created_at, started_at, finished_at, version_id, error, statistics::text AS statistics";

    public static Task<RosterJobRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<RosterJobRow>(work.Command(
            $"SELECT {Columns} FROM roster_jobs WHERE id = @id", new { id }, ct));

    public static Task<RosterJobRow> InsertAsync(DbWork work, RosterJobRow job, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<RosterJobRow>(work.Command($"""
            INSERT INTO roster_jobs (period_id, unit_id, seed, seconds, iterations, requested_by, created_at)
            VALUES (@PeriodId, @UnitId, @Seed, @Seconds, @Iterations, @RequestedBy, @CreatedAt)
            RETURNING {Columns}
            """, job, ct));

    /// <summary>Moves a queued job to running; false when it was cancelled (or taken) meanwhile.</summary>
    public static async Task<bool> StartAsync(DbWork work, Guid id, Instant now, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command(
            "UPDATE roster_jobs SET status = 'running', started_at = @now WHERE id = @id AND status = 'queued'",
            new { id, now }, ct)).ConfigureAwait(false) == 1;

    public static Task SetProgressAsync(DbWork work, Guid id, float progress, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE roster_jobs SET progress = @progress WHERE id = @id AND status = 'running'", new { id, progress }, ct));

    /// <summary>Records the outcome of a queued or running job; false when it had already ended (e.g. cancelled).</summary>
    public static async Task<bool> FinishAsync(
        DbWork work, Guid id, string status, Guid? versionId, string? error, string? statistics, Instant now, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs SET status = @status, progress = CASE WHEN @status = 'succeeded' THEN 1 ELSE progress END,
                version_id = @versionId, error = @error, statistics = @statistics::jsonb, finished_at = @now
            WHERE id = @id AND status IN ('queued', 'running')
            """, new { id, status, versionId, error, statistics, now }, ct)).ConfigureAwait(false) == 1;

    /// <summary>
    /// Jobs that a crashed process left queued or running can never finish: once well past their time limit
    /// (the limit plus <paramref name="grace"/>) they fail, saying so. Jobs of live processes are not touched.
    /// </summary>
    public static Task<int> FailAbandonedAsync(DbWork work, Instant now, Duration grace, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs SET status = 'failed', error = 'interrupted: the service stopped while the job ran; start it again',
                finished_at = @now
            WHERE status IN ('queued', 'running')
              AND created_at + make_interval(secs => seconds + @graceSeconds) < @now
            """, new { now, graceSeconds = grace.TotalSeconds }, ct));
}
