using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Problems;
using Roster.Api.Rosters;
using Roster.Core.Rules;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.Swaps;

/// <summary>Checks a swap against every hard rule for both people, and applies it to the published roster.</summary>
internal static class SwapRules
{
    /// <summary>The hard rules the swap would newly break (empty when it may go ahead), against the current published roster.</summary>
    public static async Task<IReadOnlyList<RuleViolation>> CheckAsync(
        DbWork work, PeriodRow period, UnitRow unit, SwapRow swap, Guid taker, string? counterSlotKey, CancellationToken ct)
    {
        var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, "published", ct);
        var inputs = await ProblemLoader.LoadAsync(work, period, unit, null, published, ct);
        var rows = published is null ? [] : await AssignmentStore.OfVersionAsync(work, published.Id, ct);
        var map = Drafts.ToMap(rows);
        var swapped = new Dictionary<string, string>(map, StringComparer.Ordinal) { [swap.SlotKey] = taker.ToString() };
        if (counterSlotKey is not null)
        {
            swapped[counterSlotKey] = swap.FromPersonId.ToString();
        }

        return RosterViews.NewlyBroken(inputs.Problem with { Previous = [] }, map, swapped);
    }

    /// <summary>
    /// A 409 naming the field when the offered duty is no longer the offerer's, or the counter duty no longer the taker's,
    /// in the published roster (someone was replaced, or the slot cleared, since the offer); null when both still hold.
    /// </summary>
    public static async Task<ProblemHttpResult?> StaleAsync(DbWork work, SwapRow swap, Guid taker, string? counterSlotKey, CancellationToken ct)
    {
        var offered = await AssignmentStore.PublishedOfSlotAsync(work, swap.PeriodId, swap.UnitId, swap.SlotKey, ct);
        if (offered is null || offered.PersonId != swap.FromPersonId)
        {
            return ApiProblems.Conflict("The offered duty is no longer held by the person who offered it; the offer is void.", "slotKey");
        }

        if (counterSlotKey is not null)
        {
            var counter = await AssignmentStore.PublishedOfSlotAsync(work, swap.PeriodId, swap.UnitId, counterSlotKey, ct);
            if (counter is null || counter.PersonId != taker)
            {
                return ApiProblems.Conflict("The duty given in exchange is no longer held by the person taking the offer.", "counterSlotKey");
            }
        }

        return null;
    }

    /// <summary>Publishes a new version with the two people exchanged (and the pending draft changed alike).</summary>
    public static async Task ApplyAsync(DbWork work, SwapRow swap, Guid? actor, Instant now, CancellationToken ct)
    {
        var published = await RosterStore.FindByStatusAsync(work, swap.PeriodId, swap.UnitId, "published", ct)
            ?? throw new InvalidOperationException("A swap needs a published roster.");
        var draft = await RosterStore.FindByStatusAsync(work, swap.PeriodId, swap.UnitId, "draft", ct);
        var rows = (await AssignmentStore.OfVersionAsync(work, published.Id, ct)).ToDictionary(r => r.SlotKey, StringComparer.Ordinal);
        var live = await RosterStore.RepublishCopyAsync(work, published, actor, now, ct);
        var changes = new List<(string Slot, Guid Person)> { (swap.SlotKey, swap.ToPersonId!.Value) };
        if (swap.CounterSlotKey is { } counter)
        {
            changes.Add((counter, swap.FromPersonId));
        }

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
