using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Storage.Inspections;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Inspections;

/// <summary>A unit's inspection tasks, and recording one: by the person it was given to, whoever holds its slot now, or an admin.</summary>
internal static class InspectionTasks
{
    private static readonly string[] Outcomes = ["ok", "hazard"];

    public static async Task<Results<Ok<IReadOnlyList<TaskResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] RosterCall call, CancellationToken ct)
    {
        var (work, periodId, unitId) = (call.Work, call.PeriodId, call.UnitId);
        var rows = await TaskStore.OfUnitAsync(work, periodId, unitId, ct);
        return TypedResults.Ok<IReadOnlyList<TaskResponse>>(rows.Select(TaskResponse.From).ToList());
    }

    public static async Task<Results<Ok<RecordResponse>, ProblemHttpResult>> RecordAsync(
        Guid id, RecordRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var task = await TaskStore.FindForUpdateAsync(work, id, ct);
        if (task is null || !await access.CanReadAsync(work, task.UnitId, ct))
        {
            return ApiProblems.NotFound("inspection task");
        }

        var me = await access.PersonIdAsync(work, ct);
        var holder = (await AssignmentStore.PublishedOfSlotAsync(work, task.PeriodId, task.UnitId, task.SlotKey, ct))?.PersonId;
        if (me is null || (me != task.PersonId && me != holder))
        {
            if (!await access.CanAdministerAsync(work, task.UnitId, ct))
            {
                return ApiProblems.Forbidden("Only the person the inspection was given to, the person now on its slot, or an administrator may record it.");
            }
        }

        var requirement = await RequirementStore.FindAsync(work, task.RequirementId, ct);
        var checklist = JsonSerializer.Deserialize<List<string>>(requirement!.Checklist) ?? [];
        var errors = new FieldErrors();
        var results = Results(request.Results, checklist, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var now = clock.GetCurrentInstant();
        if (now < task.StartsAt)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("id", $"the inspection is done on duty, which starts at {task.StartsAt}"));
        }

        var done = await TaskStore.CompleteAsync(work, id, JsonSerializer.Serialize(results, InspectionJson.Options), now, access.AccountId, ct);
        if (done is null)
        {
            return ApiProblems.Conflict("This inspection is already recorded.");
        }

        var hazards = new List<HazardResponse>();
        foreach (var r in results.Where(r => r.Outcome == "hazard"))
        {
            var hazard = await HazardStore.InsertAsync(work, new HazardRow
            {
                TaskId = id, UnitId = task.UnitId, PeriodId = task.PeriodId, Item = r.Item!, Note = r.Note, FoundAt = now,
            }, ct);
            hazards.Add(HazardResponse.From(hazard, now));
        }

        var body = new RecordResponse(TaskResponse.From(done), hazards);
        await audit.RecordAsync(work, task.UnitId, "inspection-task", id, "record", TaskResponse.From(task), body, ct);
        return TypedResults.Ok(body);
    }

    /// <summary>Exactly one result per checklist item, in any order; returned in checklist order.</summary>
    private static List<ResultEntry> Results(IReadOnlyList<ResultEntry>? results, List<string> checklist, FieldErrors errors)
    {
        var byItem = new Dictionary<string, ResultEntry>(StringComparer.Ordinal);
        for (var i = 0; i < (results?.Count ?? 0); i++)
        {
            var r = results![i];
            if (r?.Item is null || !checklist.Contains(r.Item))
            {
                errors.Add($"results[{i}].item", "must be an item of the checklist");
                continue;
            }

            if (r.Outcome is null || !Outcomes.Contains(r.Outcome))
            {
                errors.Add($"results[{i}].outcome", "must be ok or hazard");
            }

            var note = errors.OptionalText($"results[{i}].note", r.Note, 2000);
            if (!byItem.TryAdd(r.Item, new ResultEntry(r.Item, r.Outcome, note)))
            {
                errors.Add($"results[{i}].item", "is given twice");
            }
        }

        if (!errors.Any && byItem.Count != checklist.Count)
        {
            errors.Add("results", "must give one result for each checklist item: " + string.Join("、", checklist.Where(c => !byItem.ContainsKey(c))));
        }

        return checklist.Where(byItem.ContainsKey).Select(c => byItem[c]).ToList();
    }
}
