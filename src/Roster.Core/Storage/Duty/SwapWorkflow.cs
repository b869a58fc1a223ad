using NodaTime;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;
using Roster.Core.Swaps;

namespace Roster.Core.Storage.Duty;

/// <summary>
/// The life of a swap or give-away offer (换班 / 代班): offered by the holder of a published duty, accepted by a colleague
/// (re-checked against every hard rule for both), approved (applied to the published roster) or rejected by an
/// administrator, or withdrawn while open. The caller has checked who may see and act on the offer; the caller commits.
/// </summary>
public static class SwapWorkflow
{
    /// <summary>Offers the published duty of <paramref name="slotKey"/>; <paramref name="mayActFor"/> says whether the caller may act for its holder.</summary>
    public static async Task<SwapOutcome> OfferAsync(
        DbWork work, Guid periodId, Guid unitId, string slotKey, string kind, Guid? toPersonId, string? note, Guid actor,
        Func<Guid, Task<bool>> mayActFor, IClock clock, CancellationToken ct)
    {
        var assignment = await AssignmentStore.PublishedOfSlotAsync(work, periodId, unitId, slotKey, ct);
        if (assignment is null)
        {
            return new SwapOutcome.Invalid("slotKey", "has nobody on duty in the published roster");
        }

        if (!await mayActFor(assignment.PersonId))
        {
            return new SwapOutcome.Forbidden("Only the person on duty, or an administrator of the unit, may offer this duty.");
        }

        if (toPersonId is { } to && (await PersonStore.FindAsync(work, to, ct) is not { } target
            || target.UnitId != unitId || !target.Active || target.Id == assignment.PersonId))
        {
            return new SwapOutcome.Invalid("toPersonId", "is not another active person of this unit");
        }

        var row = await SwapStore.InsertAsync(work, new SwapRow
        {
            PeriodId = periodId, UnitId = unitId, SlotKey = slotKey, FromPersonId = assignment.PersonId, Kind = kind,
            ToPersonId = toPersonId, Note = note, CreatedBy = actor, CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        return new SwapOutcome.Done(row);
    }

    /// <summary>
    /// <paramref name="taker"/> accepts the offer, giving <paramref name="counterSlotKey"/> in return for a swap. It applies
    /// at once unless the unit wants swaps approved or the unit above approves the period's rosters.
    /// </summary>
    public static async Task<SwapOutcome> AcceptAsync(
        DbWork work, SwapRow swap, Guid taker, string? counterSlotKey, Guid actor, IClock clock, CancellationToken ct)
    {
        if (swap.Status != SwapStatus.Offered)
        {
            return new SwapOutcome.Conflict($"The offer is {swap.Status}.", "status");
        }

        var counter = swap.Kind == "swap" ? counterSlotKey : null;
        var period = (await PeriodStore.FindAsync(work, swap.PeriodId, ct))!;
        var unit = (await UnitStore.FindAsync(work, swap.UnitId, ct))!;
        if (swap.Kind == "swap")
        {
            var theirs = counter is null ? null : await AssignmentStore.PublishedOfSlotAsync(work, swap.PeriodId, swap.UnitId, counter, ct);
            if (theirs is null || theirs.PersonId != taker)
            {
                return new SwapOutcome.Invalid("counterSlotKey", "must be one of the acceptor's published duties in this unit");
            }
        }

        if (await SwapChange.RecheckAsync(work, period, unit, swap, taker, counter, ct) is { } refused)
        {
            return refused;
        }

        var settings = await DutySettingsStore.ForUnitAsync(work, swap.UnitId, ct);
        var now = clock.GetCurrentInstant();
        var status = SwapRules.AfterAccept(settings.SwapNeedsApproval, period.RequiresApproval);
        var moved = await SwapStore.TransitionAsync(work, swap.Id, SwapStatus.Offered, status, taker, counter, actor, now, ct);
        if (moved is null)
        {
            return new SwapOutcome.Conflict("Someone else answered the offer first.", "status");
        }

        if (status == SwapStatus.Approved)
        {
            await SwapChange.ApplyAsync(work, moved, actor, now, ct);
        }

        return new SwapOutcome.Done(moved);
    }

    /// <summary>
    /// An administrator approves (applies) or rejects an accepted swap. In a period whose rosters the unit above approves,
    /// approving is an urgent change: it needs <paramref name="urgent"/> and a <paramref name="note"/>, and the unit above is told.
    /// </summary>
    public static async Task<SwapOutcome> DecideAsync(
        DbWork work, SwapRow swap, bool approve, bool urgent, string? note, Guid actor, IClock clock, CancellationToken ct)
    {
        if (swap.Status != SwapStatus.Accepted)
        {
            return new SwapOutcome.Conflict($"Only an accepted swap can be decided; this one is {swap.Status}.", "status");
        }

        var now = clock.GetCurrentInstant();
        var period = (await PeriodStore.FindAsync(work, swap.PeriodId, ct))!;
        var unit = (await UnitStore.FindAsync(work, swap.UnitId, ct))!;
        if (approve)
        {
            if (UrgentChanges.Blocked(period, urgent))
            {
                return new SwapOutcome.UrgencyRequired();
            }

            if (urgent && string.IsNullOrWhiteSpace(note))
            {
                return new SwapOutcome.Invalid("note", "is required with urgent: the reason for the urgent change");
            }

            // The roster may have changed since the swap was accepted: check again, under the roster's lock.
            if (await SwapChange.RecheckAsync(work, period, unit, swap, swap.ToPersonId!.Value, swap.CounterSlotKey, ct) is { } refused)
            {
                return refused;
            }
        }

        var moved = await SwapStore.TransitionAsync(
            work, swap.Id, SwapStatus.Accepted, approve ? SwapStatus.Approved : SwapStatus.Rejected, null, null, actor, now, ct);
        if (moved is null)
        {
            return new SwapOutcome.Conflict("Someone else decided first.", "status");
        }

        if (approve)
        {
            await SwapChange.ApplyAsync(work, moved, actor, now, ct);
            await UrgentChanges.NotifyAboveAsync(work, period, unit, $"swap:{swap.Id:N}", $"换班 swap {swap.SlotKey}", note ?? "", now, ct);
        }

        return new SwapOutcome.Done(moved, UrgentChange: approve && urgent && period.RequiresApproval);
    }

    /// <summary>Withdraws an offer that is still open (offered or accepted).</summary>
    public static async Task<SwapOutcome> CancelAsync(DbWork work, SwapRow swap, Guid actor, IClock clock, CancellationToken ct)
    {
        var moved = swap.Status.IsOpen
            ? await SwapStore.TransitionAsync(work, swap.Id, swap.Status, SwapStatus.Cancelled, null, null, actor, clock.GetCurrentInstant(), ct)
            : null;
        return moved is null
            ? new SwapOutcome.Conflict($"The offer is {swap.Status}; it can no longer be withdrawn.", "status")
            : new SwapOutcome.Done(moved);
    }
}
