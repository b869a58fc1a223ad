using Dapper;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Quartz;
using Roster.Core.Storage;
using Roster.Core.Storage.Gaps;
using Roster.Scheduler.Hosting;

namespace Roster.Scheduler.Gaps;

/// <summary>
/// Every minute, on one node of the cluster: checks every published roster whose period reaches into the next days, so
/// gaps that no change reported (time passing, data edited outside the API) are still opened and closed.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class GapScanJob(NpgsqlDataSource db, IClock clock, IOptions<SchedulerOptions> options) : IJob
{
    public static readonly JobKey Key = new("gap-scan", "roster");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var horizon = Duration.FromDays(options.Value.GapScanDays);
        IReadOnlyList<(Guid UnitId, Guid PeriodId)> rosters;
        await using (var work = await DbWork.BeginAsync(db, cancellationToken))
        {
            // Dates compared in UTC with a day of slack either side: the exact window is cut by each unit's zone later.
            var today = now.InUtc().Date;
            rosters = (await work.Connection.QueryAsync<(Guid, Guid)>(work.Command("""
                SELECT DISTINCT v.unit_id, v.period_id FROM roster_versions v JOIN periods p ON p.id = v.period_id
                WHERE v.status = 'published' AND p.last_day >= @from AND p.first_day <= @to
                """, new { from = today.PlusDays(-2), to = today.PlusDays(options.Value.GapScanDays + 1) }, cancellationToken))).AsList();
        }

        foreach (var (unitId, periodId) in rosters)
        {
            // Notifications of new gaps are written unenqueued; the outbox relay hands them to Hangfire within a second.
            await using var work = await DbWork.BeginAsync(db, cancellationToken);
            await GapDetector.DetectAsync(work, unitId, periodId, now, cancellationToken, horizon);
            // Where the unit lets standby step in automatically, the gaps just found (and older open ones) are filled from standby.
            await StandbyStepIn.RunAsync(work, unitId, periodId, now, cancellationToken);
            await work.CommitAsync(cancellationToken);
        }
    }
}
