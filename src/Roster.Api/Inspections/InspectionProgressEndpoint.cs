using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Periods;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Oversight;
using Roster.Core.Storage.Inspections;
using Roster.Core.Storage.Submissions;
using Roster.Core.Storage.Units;

namespace Roster.Api.Inspections;

/// <summary>
/// Supervisors' view: per unit of a subtree and requirement, inspections done against required. Read-only: <c>behind</c> is
/// computed from the clock as the oversight scan would leave the flag if it ran now, so it is right between scans.
/// </summary>
internal static class InspectionProgressEndpoint
{
    public static async Task<Results<Ok<IReadOnlyList<ProgressResponse>>, ProblemHttpResult>> ProgressAsync(
        Guid periodId, Guid? unit, AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var period = await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct);
        if (period is null)
        {
            return ApiProblems.NotFound("period");
        }

        var root = unit ?? period.UnitId;
        if (!(await access.OverseenAsync(work, ct)).Contains(root))
        {
            return ApiProblems.NotFound("unit");
        }

        var now = clock.GetCurrentInstant();
        var subtree = (await UnitStore.SubtreeAsync(work, root, ct)).Where(u => u != period.UnitId).ToHashSet();
        var counts = (await TaskStore.CountsAsync(work, subtree, periodId, ct)).ToDictionary(c => (c.RequirementId, c.UnitId));
        var flags = (await OversightFlagStore.ListAsync(work, subtree, periodId, false, ct))
            .Where(f => f.Kind == InspectionFlagScan.Behind).Select(f => (f.UnitId, f.Subject)).ToHashSet();
        var hazards = (await HazardStore.OfUnitsAsync(work, subtree, periodId, false, ct))
            .GroupBy(h => h.UnitId).ToDictionary(g => g.Key, g => g.Count());
        var zones = new Dictionary<Guid, (string Name, DateTimeZone Zone)>();
        var body = new List<ProgressResponse>();
        foreach (var r in await RequirementStore.OfPeriodAsync(work, periodId, null, ct))
        {
            foreach (var unitId in subtree.Where(u => r.UnitId is null || r.UnitId == u).Order())
            {
                if (!zones.TryGetValue(unitId, out var found))
                {
                    var row = await UnitStore.FindAsync(work, unitId, ct);
                    found = (row?.Name ?? "", row is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb[row.TimeZone]);
                    zones[unitId] = found;
                }

                var c = counts.GetValueOrDefault((r.Id, unitId));
                var required = InspectionProgress.Required(r.MinCount, r.PatrolShift is not null, c?.Scheduled ?? 0);
                var done = c?.Done ?? 0;
                // The scan opens the flag once behind and closes it only when the minimum is met.
                var behind = InspectionProgress.IsBehind(done, required, now, InspectionProgress.FlagFrom(r.WindowLast, r.LeadDays, found.Zone))
                    || (done < required && flags.Contains((unitId, r.Id.ToString())));
                body.Add(new ProgressResponse(r.Id, r.Kind, r.Title, r.WindowFirst, r.WindowLast, unitId, found.Name,
                    required, c?.Scheduled ?? 0, done, hazards.GetValueOrDefault(unitId), behind));
            }
        }

        await work.CommitAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ProgressResponse>>(body);
    }
}
