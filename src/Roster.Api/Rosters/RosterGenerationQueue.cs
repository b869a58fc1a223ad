using System.Collections.Concurrent;
using System.Threading.Channels;
using NodaTime;
using Npgsql;
using Roster.Core.Storage;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>
/// Runs generation jobs in the background, as many at once as there are cores. The job row in PostgreSQL is the
/// truth: a job is claimed (queued → running) and finished in conditional updates, so a job cancelled meanwhile, or
/// finished elsewhere, throws its result away.
/// </summary>
internal sealed partial class RosterGenerationQueue(
    NpgsqlDataSource db, IClock clock, RosterGenerator generator, ILogger<RosterGenerationQueue> logger) : BackgroundService
{
    /// <summary>How long past its time limit a job may stay queued or running before it is declared abandoned.</summary>
    public static readonly Duration AbandonGrace = Duration.FromMinutes(10);

    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();
    private readonly int _slots = Math.Max(1, Environment.ProcessorCount);

    public void Enqueue(Guid jobId) => _queue.Writer.TryWrite(jobId);

    /// <summary>Stops the job if it runs in this process; the caller marks it cancelled in the database.</summary>
    public void Cancel(Guid jobId)
    {
        if (_running.TryGetValue(jobId, out var cts))
        {
            cts.Cancel();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var work = await DbWork.BeginAsync(db, stoppingToken).ConfigureAwait(false))
        {
            await RosterJobStore.FailAbandonedAsync(work, clock.GetCurrentInstant(), AbandonGrace, stoppingToken).ConfigureAwait(false);
            await work.CommitAsync(stoppingToken).ConfigureAwait(false);
        }

        using var gate = new SemaphoreSlim(_slots);
        var tasks = new List<Task>();
        await foreach (var jobId in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await gate.WaitAsync(stoppingToken).ConfigureAwait(false);
            tasks.RemoveAll(t => t.IsCompleted);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await RunAsync(jobId, stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task RunAsync(Guid jobId, CancellationToken stoppingToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _running[jobId] = cts;
        try
        {
            // With many jobs waiting each gets one core; a lone job gets them all.
            var workers = Math.Max(1, _slots / Math.Max(1, _running.Count + _queue.Reader.Count));
            await generator.RunAsync(jobId, workers, cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, e, jobId);
            await using var work = await DbWork.BeginAsync(db, CancellationToken.None).ConfigureAwait(false);
            var message = e is OperationCanceledException ? "cancelled" : "failed: " + e.Message;
            await RosterJobStore.FinishAsync(work, jobId, e is OperationCanceledException ? "cancelled" : "failed", null, message, null,
                clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false);
            await work.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(jobId, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster generation job {JobId} did not succeed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);
}
