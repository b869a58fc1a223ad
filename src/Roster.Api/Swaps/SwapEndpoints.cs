using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Idempotency;
using Roster.Api.Problems;
using Roster.Api.Rosters;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;
using Roster.Core.Swaps;

namespace Roster.Api.Swaps;

/// <summary>Swaps and give-aways (换班 / 代班) of published duties, re-checked against every hard rule for both sides.</summary>
internal static class SwapEndpoints
{
    public static void MapSwaps(this IEndpointRouteBuilder api)
    {
        api.MapPost("/periods/{periodId:guid}/units/{unitId:guid}/swaps", OfferAsync).WithTags("Swaps").Idempotent();
        api.MapGet("/periods/{periodId:guid}/units/{unitId:guid}/swaps", ListAsync).WithTags("Swaps");
        api.MapPost("/swaps/{id:guid}:accept", AcceptAsync).WithTags("Swaps");
        api.MapPost("/swaps/{id:guid}:approve", (Guid id, SwapDecisionRequest? request, AccessScope a, Auditor au, IClock c, NpgsqlDataSource db, CancellationToken ct)
            => SwapDecisions.DecideAsync(id, approve: true, request, a, au, c, db, ct)).WithTags("Swaps");
        api.MapPost("/swaps/{id:guid}:reject", (Guid id, SwapDecisionRequest? request, AccessScope a, Auditor au, IClock c, NpgsqlDataSource db, CancellationToken ct)
            => SwapDecisions.DecideAsync(id, approve: false, request, a, au, c, db, ct)).WithTags("Swaps");
        api.MapPost("/swaps/{id:guid}:cancel", SwapDecisions.CancelAsync).WithTags("Swaps");
    }

    private static async Task<Results<Created<SwapResponse>, ProblemHttpResult>> OfferAsync(
        Guid periodId, Guid unitId, SwapOfferRequest request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db,
        CancellationToken ct)
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

        await using var work = await DbWork.BeginAsync(db, ct);
        var (period, _, problem) = await RosterScope.ResolveAsync(work, periodId, unitId, access, administer: false, ct);
        if (period is null)
        {
            return problem!;
        }

        var assignment = await AssignmentStore.PublishedOfSlotAsync(work, periodId, unitId, slotKey, ct);
        if (assignment is null)
        {
            return ApiProblems.Invalid("slotKey", "has nobody on duty in the published roster");
        }

        if (!await ActsForAsync(work, access, unitId, assignment.PersonId, ct))
        {
            return ApiProblems.Forbidden("Only the person on duty, or an administrator of the unit, may offer this duty.");
        }

        if (request.ToPersonId is { } to && (await PersonStore.FindAsync(work, to, ct) is not { } target
            || target.UnitId != unitId || !target.Active || target.Id == assignment.PersonId))
        {
            return ApiProblems.Invalid("toPersonId", "is not another active person of this unit");
        }

        var row = await SwapStore.InsertAsync(work, new SwapRow
        {
            PeriodId = periodId, UnitId = unitId, SlotKey = slotKey, FromPersonId = assignment.PersonId, Kind = kind,
            ToPersonId = request.ToPersonId, Note = note, CreatedBy = access.AccountId, CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        var body = SwapResponse.From(row);
        await audit.RecordAsync(work, unitId, "swap", row.Id, "offer", null, body, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/swaps/{row.Id}", body);
    }

    private static async Task<Results<Ok<IReadOnlyList<SwapResponse>>, ProblemHttpResult>> ListAsync(
        Guid periodId, Guid unitId, string? status, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        SwapStatus? wanted = null;
        if (status is not null && !SwapStatus.TryParse(status, out wanted))
        {
            return ApiProblems.Invalid("status", "must be offered, accepted, approved, rejected or cancelled");
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var (period, _, problem) = await RosterScope.ResolveAsync(work, periodId, unitId, access, administer: false, ct);
        if (period is null)
        {
            return problem!;
        }

        var rows = await SwapStore.OfUnitAsync(work, unitId, periodId, wanted, ct);
        return TypedResults.Ok<IReadOnlyList<SwapResponse>>(rows.Select(SwapResponse.From).ToList());
    }

    private static async Task<Results<Ok<SwapResponse>, ProblemHttpResult>> AcceptAsync(
        Guid id, SwapAcceptRequest? request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct);
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

        if (swap.Status != SwapStatus.Offered)
        {
            return ApiProblems.Conflict($"The offer is {swap.Status}.", "status");
        }

        var counter = swap.Kind == "swap" ? request?.CounterSlotKey : null;
        var period = (await PeriodStore.FindAsync(work, swap.PeriodId, ct))!;
        var unit = (await UnitStore.FindAsync(work, swap.UnitId, ct))!;
        if (swap.Kind == "swap")
        {
            var theirs = counter is null ? null : await AssignmentStore.PublishedOfSlotAsync(work, swap.PeriodId, swap.UnitId, counter, ct);
            if (theirs is null || theirs.PersonId != takerId)
            {
                return ApiProblems.Invalid("counterSlotKey", "must be one of the acceptor's published duties in this unit");
            }
        }

        await RosterStore.LockAsync(work, swap.PeriodId, swap.UnitId, ct);
        if (await SwapRules.StaleAsync(work, swap, takerId, counter, ct) is { } stale)
        {
            return stale;
        }

        var broken = await SwapRules.CheckAsync(work, period, unit, swap, takerId, counter, ct);
        if (broken.Count > 0)
        {
            return SwapDecisions.Broken(broken);
        }

        var settings = await DutySettingsStore.ForUnitAsync(work, swap.UnitId, ct);
        var now = clock.GetCurrentInstant();
        // In a period whose rosters the unit above approves, a swap never applies by itself: an admin decides (urgently) on it.
        var status = settings.SwapNeedsApproval || period.RequiresApproval ? SwapStatus.Accepted : SwapStatus.Approved;
        var moved = await SwapStore.TransitionAsync(work, id, SwapStatus.Offered, status, takerId, counter, access.AccountId, now, ct);
        if (moved is null)
        {
            return ApiProblems.Conflict("Someone else answered the offer first.", "status");
        }

        if (status == SwapStatus.Approved)
        {
            await SwapRules.ApplyAsync(work, moved, access.AccountId, now, ct);
        }

        var body = SwapResponse.From(moved);
        await audit.RecordAsync(work, swap.UnitId, "swap", id, status == SwapStatus.Approved ? "accept-and-apply" : "accept",
            SwapResponse.From(swap), body, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(body);
    }

    internal static async Task<bool> ActsForAsync(DbWork work, AccessScope access, Guid unitId, Guid personId, CancellationToken ct) =>
        await access.PersonIdAsync(work, ct) == personId
        || await access.CanAdministerAsync(work, unitId, ct);
}
