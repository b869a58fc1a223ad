using NodaTime;
using Npgsql;
using Quartz;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Submissions;

namespace Roster.Scheduler.Duty;

/// <summary>
/// Every minute, on one node of the cluster: missed check-ins, late daily reports and unacknowledged incidents
/// (<see cref="DutyWatch"/>), and the bureau's oversight flags (submission deadlines, inspections behind, overdue
/// hazards). Each scan is idempotent, so a node that dies mid-scan leaves nothing half done for the next run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DutyWatchJob(NpgsqlDataSource db, IClock clock) : IJob
{
    public static readonly JobKey Key = new("duty-watch", "roster");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        await using (var work = await DbWork.BeginAsync(db, cancellationToken))
        {
            await DutyWatch.RunAsync(work, now, cancellationToken);
            await work.CommitAsync(cancellationToken);
        }

        await using (var work = await DbWork.BeginAsync(db, cancellationToken))
        {
            await OversightScan.RunAsync(work, now, cancellationToken);
            await work.CommitAsync(cancellationToken);
        }
    }
}
