using Dapper;
using NodaTime;
using Roster.Core.Oversight;
using Roster.Core.Storage.Submissions;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Inspections;

/// <summary>
/// Opens and closes the inspection flags: <c>inspections_behind</c> (a unit short of a requirement's minimum from
/// lead-days before the window ends; subject = requirement id) and <c>hazard_overdue</c> (an open hazard past its
/// rectification deadline; subject = hazard id). Idempotent.
/// </summary>
public static class InspectionFlagScan
{
    public const string Behind = "inspections_behind";
    public const string HazardOverdue = "hazard_overdue";

    public static async Task<int> RunAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var changed = 0;
        foreach (var requirement in await RequirementStore.OfPeriodAsync(work, null, null, ct))
        {
            changed += await ScanRequirementAsync(work, requirement, now, ct);
        }

        changed += await work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO oversight_flags (kind, unit_id, period_id, subject, detail, opened_at)
            SELECT 'hazard_overdue', h.unit_id, h.period_id, h.id::text, '隐患整改逾期 hazard not rectified by ' || h.due_at, h.due_at
            FROM hazards h
            WHERE h.closed_at IS NULL AND h.due_at <= @now
            ON CONFLICT (kind, unit_id, period_id, subject) WHERE closed_at IS NULL DO NOTHING
            """, new { now }, ct));
        changed += await work.Connection.ExecuteAsync(work.Command("""
            UPDATE oversight_flags f SET closed_at = greatest(f.opened_at, h.closed_at)
            FROM hazards h
            WHERE f.kind = 'hazard_overdue' AND f.closed_at IS NULL AND f.subject = h.id::text AND h.closed_at IS NOT NULL
            """, null, ct));
        return changed;
    }

    private static async Task<int> ScanRequirementAsync(DbWork work, RequirementRow requirement, Instant now, CancellationToken ct)
    {
        var period = await Periods.PeriodStore.FindAsync(work, requirement.PeriodId, ct);
        if (period is null)
        {
            return 0;
        }

        IReadOnlyCollection<Guid> units = requirement.UnitId is { } only
            ? [only]
            : (await UnitStore.SubtreeAsync(work, period.UnitId, ct)).Where(u => u != period.UnitId).ToList();
        var counts = (await TaskStore.CountsAsync(work, units, period.Id, ct))
            .Where(c => c.RequirementId == requirement.Id).ToDictionary(c => c.UnitId);
        var changed = 0;
        var subject = requirement.Id.ToString();
        foreach (var unitId in units)
        {
            var unit = await UnitStore.FindAsync(work, unitId, ct);
            if (unit is null)
            {
                continue;
            }

            var count = counts.GetValueOrDefault(unitId);
            var required = InspectionProgress.Required(requirement.MinCount, requirement.PatrolShift is not null, count?.Scheduled ?? 0);
            var done = count?.Done ?? 0;
            var from = InspectionProgress.FlagFrom(requirement.WindowLast, requirement.LeadDays, DateTimeZoneProviders.Tzdb[unit.TimeZone]);
            if (InspectionProgress.IsBehind(done, required, now, from))
            {
                changed += await work.Connection.ExecuteAsync(work.Command("""
                    INSERT INTO oversight_flags (kind, unit_id, period_id, subject, detail, opened_at)
                    VALUES ('inspections_behind', @unitId, @periodId, @subject, @detail, @from)
                    ON CONFLICT (kind, unit_id, period_id, subject) WHERE closed_at IS NULL DO NOTHING
                    """, new { unitId, periodId = period.Id, subject, detail = $"{requirement.Title}: {done}/{required}", from }, ct));
            }
            else if (done >= required)
            {
                changed += await OversightFlagStore.CloseAsync(work, Behind, unitId, period.Id, subject, now, ct);
            }
        }

        return changed;
    }
}
