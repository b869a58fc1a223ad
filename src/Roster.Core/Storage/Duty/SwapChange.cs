using Roster.Core.Model;
using NodaTime;
using Roster.Core.Rules;
using Roster.Core.Storage.Generation;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;
using Roster.Core.Swaps;

namespace Roster.Core.Storage.Duty;

/// <summary>Checks a swap against every hard rule for both people, and applies it to the published roster.</summary>
public static class SwapChange
{
    /// <summary>
    /// Under the roster's lock (taken here), the swap re-checked against the published roster as it is now: a refusal when a
    /// duty in it changed hands or it would newly break a hard rule; null when it may go ahead.
    /// </summary>
    public static async Task<SwapOutcome?> RecheckAsync(
        DbWork work, PeriodRow period, UnitRow unit, SwapRow swap, Guid taker, string? counterSlotKey, CancellationToken ct)
    {
        await RosterStore.LockAsync(work, swap.PeriodId, swap.UnitId, ct);
        if (await StaleAsync(work, swap, taker, counterSlotKey, ct) is { } stale)
        {
            return stale;
        }

        var broken = await CheckAsync(work, period, unit, swap, taker, counterSlotKey, ct);
        return broken.Count > 0 ? new SwapOutcome.Broken(broken) : null;
    }

    /// <summary>The hard rules the swap would newly break (empty when it may go ahead), against the current published roster.</summary>
    public static async Task<IReadOnlyList<RuleViolation>> CheckAsync(
        DbWork work, PeriodRow period, UnitRow unit, SwapRow swap, Guid taker, string? counterSlotKey, CancellationToken ct)
    {
        var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, RosterStatus.Published, ct);
        var inputs = await ProblemLoader.LoadAsync(work, period, unit, null, published, ct);
        var rows = published is null ? [] : await AssignmentStore.OfVersionAsync(work, published.Id, ct);
        var map = Drafts.ToMap(rows);
        var swapped = SwapRules.Exchanged(map, swap.SlotKey, swap.FromPersonId, taker, counterSlotKey);
        return RosterValidator.NewlyBroken(inputs.Problem with { Previous = [] }, map, swapped);
    }

    /// <summary>
    /// A conflict naming the field when the offered duty is no longer the offerer's, or the counter duty no longer the taker's,
    /// in the published roster (someone was replaced, or the slot cleared, since the offer); null when both still hold.
    /// </summary>
    public static async Task<SwapOutcome.Conflict?> StaleAsync(DbWork work, SwapRow swap, Guid taker, string? counterSlotKey, CancellationToken ct)
    {
        var offered = await AssignmentStore.PublishedOfSlotAsync(work, swap.PeriodId, swap.UnitId, swap.SlotKey, ct);
        if (offered is null || offered.PersonId != swap.FromPersonId)
        {
            return new SwapOutcome.Conflict("The offered duty is no longer held by the person who offered it; the offer is void.", "slotKey");
        }

        if (counterSlotKey is not null)
        {
            var counter = await AssignmentStore.PublishedOfSlotAsync(work, swap.PeriodId, swap.UnitId, counterSlotKey, ct);
            if (counter is null || counter.PersonId != taker)
            {
                return new SwapOutcome.Conflict("The duty given in exchange is no longer held by the person taking the offer.", "counterSlotKey");
            }
        }

        return null;
    }

    /// <summary>Publishes a new version with the two people exchanged (and the pending draft changed alike).</summary>
    public static async Task ApplyAsync(DbWork work, SwapRow swap, Guid? actor, Instant now, CancellationToken ct)
    {
        var published = await RosterStore.FindByStatusAsync(work, swap.PeriodId, swap.UnitId, RosterStatus.Published, ct)
            ?? throw new InvalidOperationException("A swap needs a published roster.");
        var draft = await RosterStore.FindByStatusAsync(work, swap.PeriodId, swap.UnitId, RosterStatus.Draft, ct);
        var rows = (await AssignmentStore.OfVersionAsync(work, published.Id, ct)).ToDictionary(r => r.SlotKey, StringComparer.Ordinal);
        var live = await RosterStore.RepublishCopyAsync(work, published, actor, now, ct);
        var changes = SwapRules.Changes(swap.SlotKey, swap.FromPersonId, swap.ToPersonId!.Value, swap.CounterSlotKey);

        // Remove both first: the exclusion constraint must not see the two people in each other's slot mid-way.
        foreach (var version in new[] { live.Id }.Concat(draft is null ? [] : [draft.Id]))
        {
            foreach (var (slot, _) in changes)
            {
                await AssignmentStore.DeleteAsync(work, version, slot, ct);
            }

            foreach (var (slot, person) in changes)
            {
                var old = rows[slot];
                await AssignmentStore.UpsertAsync(work, new AssignmentRow
                {
                    RosterVersionId = version, SlotKey = slot, ShiftCode = old.ShiftCode, Role = old.Role, DutyDate = old.DutyDate,
                    PersonId = person, StartsAt = old.StartsAt, EndsAt = old.EndsAt, Source = "swap", Pinned = old.Pinned,
                }, ct);
            }
        }

        await PublishedRosterChanges.AfterPublishAsync(work, live, now, ct);
        var both = await DutyRecipients.PeopleAsync(work, [swap.FromPersonId, swap.ToPersonId!.Value], ct);
        var pair = swap.CounterSlotKey is null ? swap.SlotKey : swap.SlotKey + " <-> " + swap.CounterSlotKey;
        await DutyNotices.SendAsync(work, swap.UnitId, DutyNotices.SwapApplied, swap.Id.ToString("N"), both, "换班生效 Swap applied",
            $"【换班】{pair} 已生效。\n[Swap] {pair} now applies.",
            new { swapId = swap.Id, slotKey = swap.SlotKey, counterSlotKey = swap.CounterSlotKey }, now, ct);
    }
}
