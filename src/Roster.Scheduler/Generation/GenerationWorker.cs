using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Roster.Core.Model;
using Roster.Core.Storage.Generation;
using Roster.Core.Storage;
using Roster.Core.Storage.Rosters;
using Roster.Scheduler.Hosting;
using Roster.Scheduler.Observability;

namespace Roster.Scheduler.Generation;

/// <summary>
/// The worker role: claims queued generation jobs from PostgreSQL (woken by <c>NOTIFY roster_jobs_queued</c>, polling as
/// the fallback), runs as many at once as it has slots, keeps each one's heartbeat and progress in its row, and stops a job
/// whose row says it was cancelled or taken away (<see cref="GenerationReaper"/> hands back the jobs of workers that
/// stopped answering). Every API node and scheduler node with the role runs one; they share the queue through row locks.
/// </summary>
internal sealed partial class GenerationWorker(
    NpgsqlDataSource db, IClock clock, GenerationRunner runner, SchedulerInstance instance, IOptions<GenerationOptions> options,
    RosterMetrics metrics, ILogger<GenerationWorker> logger) : BackgroundService
{
    // Unique per worker even when two hosts in one process share an instance name.
    private readonly string _name = $"{instance.Name}/{Guid.NewGuid().ToString("N")[..6]}";
    private readonly SemaphoreSlim _wake = new(0);
    private int _running;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var listening = ListenAsync(stoppingToken);
        var jobs = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            jobs.RemoveAll(t => t.IsCompleted);
            try
            {
                while (jobs.Count < settings.EffectiveSlots && await ClaimAsync(stoppingToken) is { } job)
                {
                    jobs.Add(RunAsync(job, stoppingToken));
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogDatabase(logger, e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            var waits = new List<Task> { _wake.WaitAsync(settings.PollInterval, stoppingToken) };
            if (jobs.Count > 0)
            {
                waits.Add(Task.WhenAny(jobs));
            }

            try
            {
                await Task.WhenAny(waits);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        await Task.WhenAll(jobs);
        await listening;
    }

    private async Task<RosterJobRow?> ClaimAsync(CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct);
        var job = await RosterJobStore.ClaimAsync(work, _name, clock.GetCurrentInstant(), ct);
        if (job?.ParentId is { } parent)
        {
            await RosterJobStore.RefreshParentAsync(work, parent, clock.GetCurrentInstant(), ct);
        }

        await work.CommitAsync(ct);
        return job;
    }

    private async Task RunAsync(RosterJobRow job, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var running = Interlocked.Increment(ref _running);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var lost = false;
        var heartbeat = Task.Run(async () =>
        {
            var began = Environment.TickCount64;
            while (!cts.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(options.Value.HeartbeatInterval, cts.Token);
                    var progress = (float)Math.Min(0.99, (Environment.TickCount64 - began) / 1000.0 / Math.Max(1, job.Seconds));
                    await using var work = await DbWork.BeginAsync(db, cts.Token);
                    var held = await RosterJobStore.HeartbeatAsync(work, job.Id, _name, job.Attempt, progress, cts.Token);
                    await work.CommitAsync(cts.Token);
                    if (!held)
                    {
                        lost = true;
                        await cts.CancelAsync();
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    // A missed beat is harmless until the lease runs out; the next one tries again.
                    LogDatabase(logger, e);
                }
            }
        }, CancellationToken.None);

        var started = Stopwatch.GetTimestamp();
        var outcome = RosterJobStatus.Cancelled;
        try
        {
            // With several jobs at once each gets its share of the cores; a lone job gets them all.
            var workers = Math.Max(1, options.Value.EffectiveSlots / Math.Max(1, running));
            if (await runner.RunAsync(job, workers, cts.Token) is { } hardViolations)
            {
                outcome = RosterJobStatus.Succeeded;
                metrics.GenerationStored(hardViolations);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(job);
        }
        catch (OperationCanceledException) when (lost)
        {
            // Cancelled by a user or handed to another worker: the row already says so.
        }
        catch (Exception e)
        {
            outcome = RosterJobStatus.Failed;
            LogFailed(logger, e, job.Id);
            try
            {
                await runner.FailAsync(job, "failed: " + e.Message, CancellationToken.None);
            }
            catch (Exception inner) when (inner is NpgsqlException or TimeoutException)
            {
                LogDatabase(logger, inner);
            }
        }
        finally
        {
            metrics.GenerationFinished(outcome.Code, Stopwatch.GetElapsedTime(started));
            await cts.CancelAsync();
            await heartbeat;
            Interlocked.Decrement(ref _running);
            _wake.Release();
        }
    }

    private async Task ReleaseAsync(RosterJobRow job)
    {
        try
        {
            await using var work = await DbWork.BeginAsync(db, CancellationToken.None);
            await RosterJobStore.ReleaseAsync(work, job, CancellationToken.None);
            await work.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The lease runs out instead and another worker retries it.
            LogDatabase(logger, e);
        }
    }

    /// <summary>LISTEN on its own connection; each notification wakes the claim loop. Reconnects after a failure.</summary>
    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => _wake.Release();
                await using (var listen = new NpgsqlCommand("LISTEN roster_jobs_queued", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                LogDatabase(logger, e);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster generation job {JobId} did not succeed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation worker could not reach the database")]
    private static partial void LogDatabase(ILogger logger, Exception exception);
}
