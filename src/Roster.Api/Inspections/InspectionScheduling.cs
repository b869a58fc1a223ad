using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Rosters;
using Roster.Core.Model;
using Roster.Core.Oversight;
using Roster.Core.Storage.Inspections;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Inspections;

/// <summary>
/// Places a unit's required inspections onto its published roster: only on on-site duties inside each window (so nobody
/// works outside their duty and no roster rule is touched), spread over different days and people. Running it again only
/// fills what is still missing.
/// </summary>
internal static class InspectionScheduling
{
    public static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> ScheduleAsync(
        [AsParameters] RosterCall call, Auditor audit, IClock clock, CancellationToken ct)
    {
        var (work, periodId, unitId) = (call.Work, call.PeriodId, call.UnitId);
        var published = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
        if (published is null)
        {
            return ApiProblems.Conflict("The unit has no published roster to place inspections on; publish it first.");
        }

        var presence = DutyPresence.Lookup((await ShiftStore.AllAsync(work, periodId, ct)).Select(s => (s.Code, s.Presence)));
        var onSite = (await AssignmentStore.OfVersionAsync(work, published.Id, ct))
            .Where(a => presence(a.ShiftCode, a.Role) == DutyPresence.OnSite)
            .Select(a => new InspectionDuty(a.SlotKey, a.DutyDate, a.ShiftCode, a.PersonId, a.StartsAt, a.EndsAt))
            .ToList();
        var existing = await TaskStore.OfUnitAsync(work, periodId, unitId, ct);
        var load = existing.GroupBy(t => t.PersonId).ToDictionary(g => g.Key, g => g.Count());
        var now = clock.GetCurrentInstant();
        var created = new List<TaskResponse>();
        foreach (var requirement in await RequirementStore.OfPeriodAsync(work, periodId, unitId, ct))
        {
            var window = onSite.Where(d => d.Date >= requirement.WindowFirst && d.Date <= requirement.WindowLast).ToList();
            var taken = existing.Where(t => t.RequirementId == requirement.Id).Select(t => t.SlotKey).ToHashSet(StringComparer.Ordinal);
            var picks = requirement.PatrolShift is { } shift
                ? InspectionSpreader.Patrols(window, shift, taken, load)
                : InspectionSpreader.Spread(window, requirement.MinCount - taken.Count, taken, load);
            foreach (var duty in picks)
            {
                var task = await TaskStore.InsertAsync(work, new TaskRow
                {
                    RequirementId = requirement.Id, UnitId = unitId, PeriodId = periodId, SlotKey = duty.SlotKey, PersonId = duty.PersonId,
                    DutyDate = duty.Date, StartsAt = duty.Start, EndsAt = duty.End, CreatedAt = now,
                }, ct);
                created.Add(TaskResponse.From(task));
            }
        }

        if (created.Count > 0)
        {
            await audit.RecordAsync(work, unitId, "inspection-task", periodId, "schedule", null, created, ct);
        }

        var all = await TaskStore.OfUnitAsync(work, periodId, unitId, ct);
        return TypedResults.Ok(new ScheduleResponse(created, all.Select(TaskResponse.From).ToList()));
    }
}
