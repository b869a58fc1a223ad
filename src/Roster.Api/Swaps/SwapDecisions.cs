using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Duty;

namespace Roster.Api.Swaps;

/// <summary>An admin approves (applies) or rejects an accepted swap; the offerer may withdraw an open one.</summary>
internal static class SwapDecisions
{
    public static async Task<Results<Ok<SwapResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, SwapDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        if (request?.Note is { Length: > 1000 })
        {
            return ApiProblems.Invalid("note", "must be at most 1000 characters");
        }

        var work = transaction.Work;
        var swap = await SwapStore.FindAsync(work, id, ct);
        if (swap is null || !await access.CanReadAsync(work, swap.UnitId, ct))
        {
            return ApiProblems.NotFound("swap");
        }

        if (!await access.CanAdministerAsync(work, swap.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit approves or rejects swaps.");
        }

        var outcome = await SwapWorkflow.DecideAsync(work, swap, approve, request?.Urgent ?? false, request?.Note, access.AccountId, clock, ct);
        if (outcome is not SwapOutcome.Done { Swap: var moved } done)
        {
            return SwapAnswers.Refusal(outcome);
        }

        var body = SwapResponse.From(moved);
        await audit.RecordAsync(work, swap.UnitId, "swap", id, !approve ? "reject" : done.UrgentChange ? "urgent-approve" : "approve", SwapResponse.From(swap),
            new { swap = body, note = request?.Note }, ct);
        return TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<SwapResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, SwapDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var swap = await SwapStore.FindAsync(work, id, ct);
        if (swap is null || !await access.CanReadAsync(work, swap.UnitId, ct))
        {
            return ApiProblems.NotFound("swap");
        }

        if (!await SwapEndpoints.ActsForAsync(work, access, swap.UnitId, swap.FromPersonId, ct))
        {
            return ApiProblems.Forbidden("Only the person who offered the duty, or an administrator, may withdraw the offer.");
        }

        var outcome = await SwapWorkflow.CancelAsync(work, swap, access.AccountId, clock, ct);
        if (outcome is not SwapOutcome.Done { Swap: var moved })
        {
            return SwapAnswers.Refusal(outcome);
        }

        var body = SwapResponse.From(moved);
        await audit.RecordAsync(work, swap.UnitId, "swap", id, "cancel", SwapResponse.From(swap), body, ct);
        return TypedResults.Ok(body);
    }
}
