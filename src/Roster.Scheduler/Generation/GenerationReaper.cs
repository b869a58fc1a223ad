using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Roster.Core.Storage;
using Roster.Core.Storage.Rosters;

namespace Roster.Scheduler.Generation;

/// <summary>
/// Every API and scheduler node, worker or not, hands back to the queue (or fails, after the last attempt) the running
/// jobs whose worker stopped sending heartbeats, so no job stays running forever even when every worker died.
/// Concurrent reapers skip each other's rows.
/// </summary>
internal sealed partial class GenerationReaper(NpgsqlDataSource db, IClock clock, IOptions<GenerationOptions> options, ILogger<GenerationReaper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await using var work = await DbWork.BeginAsync(db, stoppingToken);
                var now = clock.GetCurrentInstant();
                var parents = await RosterJobStore.ReapAsync(work, Duration.FromTimeSpan(options.Value.Lease), now, stoppingToken);
                foreach (var parent in parents)
                {
                    await RosterJobStore.RefreshParentAsync(work, parent, now, stoppingToken);
                }

                await work.CommitAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogDatabase(logger, e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await SafeTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> SafeTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation reaper could not reach the database")]
    private static partial void LogDatabase(ILogger logger, Exception exception);
}
