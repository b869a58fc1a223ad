using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Rosters;
using Roster.Core.Rules;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;
using Roster.Core.Swaps;

namespace Roster.Api.Swaps;

/// <summary>An admin approves (applies) or rejects an accepted swap; the offerer may withdraw an open one.</summary>
internal static class SwapDecisions
{
    public static async Task<Results<Ok<SwapResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, SwapDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db, CancellationToken ct)
    {
        if (request?.Note is { Length: > 1000 })
        {
            return ApiProblems.Invalid("note", "must be at most 1000 characters");
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var swap = await SwapStore.FindAsync(work, id, ct);
        if (swap is null || !await access.CanReadAsync(work, swap.UnitId, ct))
        {
            return ApiProblems.NotFound("swap");
        }

        if (!await access.CanAdministerAsync(work, swap.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit approves or rejects swaps.");
        }

        if (swap.Status != SwapStatus.Accepted)
        {
            return ApiProblems.Conflict($"Only an accepted swap can be decided; this one is {swap.Status}.", "status");
        }

        var now = clock.GetCurrentInstant();
        var period = (await PeriodStore.FindAsync(work, swap.PeriodId, ct))!;
        var unit = (await UnitStore.FindAsync(work, swap.UnitId, ct))!;
        var urgent = request?.Urgent ?? false;
        if (approve)
        {
            if (ApprovalGate.Refuse(period, urgent) is { } gate)
            {
                return gate;
            }

            if (urgent && string.IsNullOrWhiteSpace(request?.Note))
            {
                return ApiProblems.Invalid("note", "is required with urgent: the reason for the urgent change");
            }

            // The roster may have changed since the swap was accepted: check again, under the roster's lock.
            await RosterStore.LockAsync(work, swap.PeriodId, swap.UnitId, ct);
            if (await SwapRules.StaleAsync(work, swap, swap.ToPersonId!.Value, swap.CounterSlotKey, ct) is { } stale)
            {
                return stale;
            }

            var broken = await SwapRules.CheckAsync(work, period, unit, swap, swap.ToPersonId!.Value, swap.CounterSlotKey, ct);
            if (broken.Count > 0)
            {
                return Broken(broken);
            }
        }

        var moved = await SwapStore.TransitionAsync(work, id, SwapStatus.Accepted, approve ? SwapStatus.Approved : SwapStatus.Rejected, null, null, access.AccountId, now, ct);
        if (moved is null)
        {
            return ApiProblems.Conflict("Someone else decided first.", "status");
        }

        if (approve)
        {
            await SwapRules.ApplyAsync(work, moved, access.AccountId, now, ct);
            await ApprovalGate.NotifyAboveAsync(work, period, unit, $"swap:{id:N}", $"换班 swap {swap.SlotKey}", request?.Note ?? "", now, ct);
        }

        var body = SwapResponse.From(moved);
        await audit.RecordAsync(work, swap.UnitId, "swap", id, !approve ? "reject" : urgent && period.RequiresApproval ? "urgent-approve" : "approve", SwapResponse.From(swap),
            new { swap = body, note = request?.Note }, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<SwapResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, SwapDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct);
        var swap = await SwapStore.FindAsync(work, id, ct);
        if (swap is null || !await access.CanReadAsync(work, swap.UnitId, ct))
        {
            return ApiProblems.NotFound("swap");
        }

        if (!await SwapEndpoints.ActsForAsync(work, access, swap.UnitId, swap.FromPersonId, ct))
        {
            return ApiProblems.Forbidden("Only the person who offered the duty, or an administrator, may withdraw the offer.");
        }

        var moved = swap.Status.IsOpen
            ? await SwapStore.TransitionAsync(work, id, swap.Status, SwapStatus.Cancelled, null, null, access.AccountId, clock.GetCurrentInstant(), ct)
            : null;
        if (moved is null)
        {
            return ApiProblems.Conflict($"The offer is {swap.Status}; it can no longer be withdrawn.", "status");
        }

        var body = SwapResponse.From(moved);
        await audit.RecordAsync(work, swap.UnitId, "swap", id, "cancel", SwapResponse.From(swap), body, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(body);
    }

    public static ProblemHttpResult Broken(IReadOnlyList<RuleViolation> broken) =>
        TypedResults.Problem(statusCode: 422, title: "The swap breaks hard rules",
            detail: string.Join("; ", broken.Select(v => v.Message)),
            extensions: new Dictionary<string, object?>
            {
                ["violations"] = broken.Select(RosterViews.Violation).ToList(),
                ["errors"] = new Dictionary<string, string[]> { ["personId"] = broken.Select(v => v.Message).ToArray() },
            });
}
