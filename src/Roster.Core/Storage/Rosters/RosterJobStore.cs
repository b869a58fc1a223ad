using Dapper;
using NodaTime;
using Roster.Core.Model;

namespace Roster.Core.Storage.Rosters;

/// <summary>
/// Generation jobs. The row is the queue: workers claim queued unit jobs with <c>FOR UPDATE SKIP LOCKED</c>, prove they
/// are alive with a heartbeat in the database's own clock, and finish only a job they still hold (same worker and
/// attempt), so a job cancelled or handed to another worker meanwhile throws its result away.
/// </summary>
public static class RosterJobStore
{
    private const string Columns =
        "id, kind, parent_id, period_id, unit_id, status, progress, seed, seconds, iterations, stall_seconds, attempt, max_attempts, worker, "
        + "requested_by, created_at, started_at, finished_at, version_id, error, statistics::text AS statistics";

    public static Task<RosterJobRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<RosterJobRow>(work.Command(
            $"SELECT {Columns} FROM roster_jobs WHERE id = @id", new { id }, ct));

    public static async Task<IReadOnlyList<RosterJobRow>> ChildrenAsync(DbWork work, Guid parentId, CancellationToken ct) =>
        (await work.Connection.QueryAsync<RosterJobRow>(work.Command(
            $"SELECT {Columns} FROM roster_jobs WHERE parent_id = @parentId ORDER BY created_at, id", new { parentId }, ct))).ToList();

    public static Task<RosterJobRow> InsertAsync(DbWork work, RosterJobRow job, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<RosterJobRow>(work.Command($"""
            INSERT INTO roster_jobs (kind, parent_id, period_id, unit_id, seed, seconds, iterations, stall_seconds, max_attempts, requested_by, created_at)
            VALUES (@Kind, @ParentId, @PeriodId, @UnitId, @Seed, @Seconds, @Iterations, @StallSeconds, @MaxAttempts, @RequestedBy, @CreatedAt)
            RETURNING {Columns}
            """, job, ct));

    /// <summary>The queued or running unit jobs of these units in the period, locked until the transaction ends.</summary>
    public static async Task<IReadOnlyList<RosterJobRow>> ActiveForUpdateAsync(DbWork work, Guid periodId, IReadOnlyCollection<Guid> unitIds, CancellationToken ct) =>
        (await work.Connection.QueryAsync<RosterJobRow>(work.Command($"""
            SELECT {Columns} FROM roster_jobs
            WHERE period_id = @periodId AND unit_id = ANY(@units) AND kind = 'unit' AND status IN ('queued', 'running')
            ORDER BY created_at FOR UPDATE
            """, new { periodId, units = unitIds.ToArray() }, ct))).ToList();

    /// <summary>Queued jobs replaced by a newer request: cancelled, saying so.</summary>
    public static Task<int> SupersedeAsync(DbWork work, IReadOnlyCollection<Guid> ids, Instant now, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs SET status = 'cancelled', error = 'superseded by a newer request', finished_at = @now
            WHERE id = ANY(@ids) AND status = 'queued'
            """, new { ids = ids.ToArray(), now }, ct));

    /// <summary>The account's requests (single-unit jobs and subtree parents) that are still queued or running.</summary>
    public static Task<int> ActiveRequestsAsync(DbWork work, Guid accountId, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<int>(work.Command("""
            SELECT count(*) FROM roster_jobs WHERE requested_by = @accountId AND parent_id IS NULL AND status IN ('queued', 'running')
            """, new { accountId }, ct));

    /// <summary>Unit jobs waiting for a worker, over all accounts.</summary>
    public static Task<int> QueuedAsync(DbWork work, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<int>(work.Command(
            "SELECT count(*) FROM roster_jobs WHERE kind = 'unit' AND status = 'queued'", null, ct));

    /// <summary>
    /// Seconds until the account's soonest active request should end by its time limits (at least 1): what a client
    /// refused for too many requests should wait.
    /// </summary>
    public static async Task<int> SecondsUntilSlotAsync(DbWork work, Guid accountId, CancellationToken ct)
    {
        var seconds = await work.Connection.ExecuteScalarAsync<double?>(work.Command("""
            SELECT min(GREATEST(0, seconds - COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - claimed_at), 0)))
            FROM roster_jobs WHERE requested_by = @accountId AND kind = 'unit' AND status IN ('queued', 'running')
            """, new { accountId }, ct));
        return (int)Math.Clamp(Math.Ceiling(seconds ?? 1), 1, 3600);
    }

    /// <summary>Takes the oldest queued unit job for <paramref name="worker"/> (skipping rows other workers are taking).</summary>
    public static Task<RosterJobRow?> ClaimAsync(DbWork work, string worker, Instant now, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<RosterJobRow>(work.Command($"""
            UPDATE roster_jobs SET status = 'running', worker = @worker, attempt = attempt + 1, started_at = COALESCE(started_at, @now),
                heartbeat_at = clock_timestamp(), claimed_at = clock_timestamp()
            WHERE id = (SELECT id FROM roster_jobs WHERE kind = 'unit' AND status = 'queued' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, new { worker, now }, ct));

    /// <summary>Records that the worker still runs the job, and its progress; false when the job was cancelled or taken away.</summary>
    public static async Task<bool> HeartbeatAsync(DbWork work, Guid id, string worker, int attempt, float progress, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs SET heartbeat_at = clock_timestamp(), progress = GREATEST(progress, @progress)
            WHERE id = @id AND worker = @worker AND attempt = @attempt AND status = 'running'
            """, new { id, worker, attempt, progress }, ct)) == 1;

    /// <summary>Records the outcome of the job this worker holds; false when it no longer holds it.</summary>
    public static async Task<bool> FinishClaimedAsync(
        DbWork work, RosterJobRow job, RosterJobStatus status, Guid? versionId, string? error, string? statistics, Instant now, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs SET status = @status, progress = CASE WHEN @status = 'succeeded' THEN 1 ELSE progress END,
                version_id = @versionId, error = @error, statistics = @statistics::jsonb, finished_at = @now
            WHERE id = @Id AND worker = @Worker AND attempt = @Attempt AND status = 'running'
            """, new { job.Id, job.Worker, job.Attempt, status, versionId, error, statistics, now }, ct)) == 1;

    /// <summary>A worker shutting down gives its job back to the queue for another worker (no attempt is spent).</summary>
    public static Task<int> ReleaseAsync(DbWork work, RosterJobRow job, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs SET status = 'queued', worker = NULL, heartbeat_at = NULL, claimed_at = NULL, attempt = attempt - 1,
                error = 'requeued: worker ' || @Worker || ' stopped'
            WHERE id = @Id AND worker = @Worker AND attempt = @Attempt AND status = 'running'
            """, job, ct));

    /// <summary>Cancels a queued or running job (a worker running it stops at its next heartbeat); false when it had ended.</summary>
    public static async Task<bool> CancelAsync(DbWork work, Guid id, string reason, Instant now, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs SET status = 'cancelled', error = @reason, finished_at = @now
            WHERE (id = @id OR parent_id = @id) AND status IN ('queued', 'running')
            """, new { id, reason, now }, ct)) > 0;

    /// <summary>
    /// Running jobs whose worker has not sent a heartbeat for <paramref name="lease"/> (it was killed, or lost the
    /// database): queued again for another worker while attempts remain, else failed, naming the worker.
    /// Returns the parents of the jobs that failed, whose state may have changed.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ReapAsync(DbWork work, Duration lease, Instant now, CancellationToken ct) =>
        (await work.Connection.QueryAsync<Guid?>(work.Command("""
            WITH stale AS (
                SELECT id FROM roster_jobs
                WHERE status = 'running' AND kind = 'unit' AND heartbeat_at < clock_timestamp() - make_interval(secs => @leaseSeconds)
                FOR UPDATE SKIP LOCKED)
            UPDATE roster_jobs j SET
                status = CASE WHEN j.attempt < j.max_attempts THEN 'queued' ELSE 'failed' END,
                error = CASE WHEN j.attempt < j.max_attempts
                    THEN format('retrying: worker %s stopped responding during attempt %s of %s', j.worker, j.attempt, j.max_attempts)
                    ELSE format('failed: worker %s stopped responding during attempt %s of %s', j.worker, j.attempt, j.max_attempts) END,
                finished_at = CASE WHEN j.attempt < j.max_attempts THEN NULL ELSE @now END,
                worker = NULL, heartbeat_at = NULL, claimed_at = NULL
            FROM stale WHERE j.id = stale.id
            RETURNING CASE WHEN j.status = 'failed' THEN j.parent_id END
            """, new { leaseSeconds = lease.TotalSeconds, now }, ct))).OfType<Guid>().Distinct().ToList();

    /// <summary>Brings a subtree parent's status and progress up to date with its unit jobs.</summary>
    public static async Task RefreshParentAsync(DbWork work, Guid parentId, Instant now, CancellationToken ct)
    {
        // Locked first, in its own statement: the update's snapshot then sees every child that finished before us.
        await work.Connection.ExecuteAsync(work.Command("SELECT 1 FROM roster_jobs WHERE id = @parentId FOR UPDATE", new { parentId }, ct));
        await work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_jobs p SET
                status = CASE WHEN c.active > 0 THEN CASE WHEN c.started > 0 THEN 'running' ELSE 'queued' END
                              WHEN c.succeeded = c.total THEN 'succeeded'
                              WHEN c.failed > 0 THEN 'failed' ELSE 'cancelled' END,
                progress = c.progress,
                started_at = COALESCE(p.started_at, c.first_start),
                finished_at = CASE WHEN c.active = 0 THEN @now END,
                error = CASE WHEN c.active = 0 AND c.succeeded < c.total
                    THEN format('%s of %s units did not succeed', c.total - c.succeeded, c.total) END
            FROM (SELECT count(*) AS total,
                         count(*) FILTER (WHERE status IN ('queued', 'running')) AS active,
                         count(*) FILTER (WHERE started_at IS NOT NULL) AS started,
                         count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                         count(*) FILTER (WHERE status = 'failed') AS failed,
                         COALESCE(avg(CASE WHEN status IN ('queued', 'running') THEN progress ELSE 1 END), 1)::real AS progress,
                         min(started_at) AS first_start
                  FROM roster_jobs WHERE parent_id = @parentId) c
            WHERE p.id = @parentId AND p.status IN ('queued', 'running')
            """, new { parentId, now }, ct));
    }
}
