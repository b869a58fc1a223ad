using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Idempotency;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Model;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Swaps;

namespace Roster.Api.Swaps;

/// <summary>Swaps and give-aways (换班 / 代班) of published duties, re-checked against every hard rule for both sides.</summary>
internal static class SwapEndpoints
{
    public static void MapSwaps(this ApiGroups groups)
    {
        var roster = groups.Roster.MapGroup("").WithTags("Swaps");
        roster.MapPost("/swaps", OfferAsync).Idempotent();
        roster.MapGet("/swaps", ListAsync);
        var swaps = groups.Work.MapGroup("").WithTags("Swaps");
        swaps.MapPost("/swaps/{id:guid}:accept", AcceptAsync);
        swaps.MapPost("/swaps/{id:guid}:approve", (Guid id, SwapDecisionRequest? request, AccessScope a, Auditor au, IClock c, RequestWork w, CancellationToken ct)
            => SwapDecisions.DecideAsync(id, approve: true, request, a, au, c, w, ct));
        swaps.MapPost("/swaps/{id:guid}:reject", (Guid id, SwapDecisionRequest? request, AccessScope a, Auditor au, IClock c, RequestWork w, CancellationToken ct)
            => SwapDecisions.DecideAsync(id, approve: false, request, a, au, c, w, ct));
        swaps.MapPost("/swaps/{id:guid}:cancel", SwapDecisions.CancelAsync);
    }

    private static async Task<Results<Created<SwapResponse>, ProblemHttpResult>> OfferAsync(
        [AsParameters] RosterCall call, SwapOfferRequest request, Auditor audit, IClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slotKey = errors.Text("slotKey", request.SlotKey, 100);
        var kind = request.Kind ?? "giveaway";
        if (kind is not ("swap" or "giveaway"))
        {
            errors.Add("kind", "must be swap or giveaway");
        }

        var note = errors.OptionalText("note", request.Note, 1000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, access, periodId, unitId) = (call.Work, call.Access, call.PeriodId, call.UnitId);
        var outcome = await SwapWorkflow.OfferAsync(work, periodId, unitId, slotKey, kind, request.ToPersonId, note, access.AccountId,
            person => ActsForAsync(work, access, unitId, person, ct), clock, ct);
        if (outcome is not SwapOutcome.Done { Swap: var row })
        {
            return SwapAnswers.Refusal(outcome);
        }

        var body = SwapResponse.From(row);
        await audit.RecordAsync(work, unitId, "swap", row.Id, "offer", null, body, ct);
        return TypedResults.Created($"/api/v1/swaps/{row.Id}", body);
    }

    private static async Task<Results<Ok<IReadOnlyList<SwapResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] RosterCall call, string? status, CancellationToken ct)
    {
        SwapStatus? wanted = null;
        if (status is not null && (wanted = StateCodes.Find<SwapStatus>(status)) is null)
        {
            return ApiProblems.Invalid("status", "must be offered, accepted, approved, rejected or cancelled");
        }

        var rows = await SwapStore.OfUnitAsync(call.Work, call.UnitId, call.PeriodId, wanted, ct);
        return TypedResults.Ok<IReadOnlyList<SwapResponse>>(rows.Select(SwapResponse.From).ToList());
    }

    private static async Task<Results<Ok<SwapResponse>, ProblemHttpResult>> AcceptAsync(
        Guid id, SwapAcceptRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var swap = await SwapStore.FindAsync(work, id, ct);
        if (swap is null || !await access.CanReadAsync(work, swap.UnitId, ct))
        {
            return ApiProblems.NotFound("swap");
        }

        var admin = await access.CanAdministerAsync(work, swap.UnitId, ct);
        var taker = request?.PersonId is { } onBehalf && admin ? onBehalf : await access.PersonIdAsync(work, ct);
        if (taker is not { } takerId || (swap.ToPersonId is { } addressed && addressed != takerId) || takerId == swap.FromPersonId)
        {
            return ApiProblems.Forbidden("This offer is not for you.");
        }

        var outcome = await SwapWorkflow.AcceptAsync(work, swap, takerId, request?.CounterSlotKey, access.AccountId, clock, ct);
        if (outcome is not SwapOutcome.Done { Swap: var moved })
        {
            return SwapAnswers.Refusal(outcome);
        }

        var body = SwapResponse.From(moved);
        await audit.RecordAsync(work, swap.UnitId, "swap", id, moved.Status == SwapStatus.Approved ? "accept-and-apply" : "accept",
            SwapResponse.From(swap), body, ct);
        return TypedResults.Ok(body);
    }

    internal static async Task<bool> ActsForAsync(DbWork work, AccessScope access, Guid unitId, Guid personId, CancellationToken ct) =>
        await access.PersonIdAsync(work, ct) == personId
        || await access.CanAdministerAsync(work, unitId, ct);
}
