using Roster.Core.Slots;

namespace Roster.Core.Gaps;

/// <summary>Finds the gaps of a published roster: pure, from the required slots and the facts about the assignees.</summary>
public static class GapFinder
{
    /// <summary>Gaps among <paramref name="slots"/> (the required slots of the window being checked).</summary>
    /// <remarks>A slot's duty date decides leave: leave on the date a shift starts makes the assignee unavailable.</remarks>
    public static IReadOnlyList<DetectedGap> Find(IReadOnlyList<ShiftSlot> slots, RosterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(facts);
        var bySlot = facts.Assignments.GroupBy(a => a.SlotKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var gaps = new List<DetectedGap>();
        foreach (var slot in slots)
        {
            if (!bySlot.TryGetValue(slot.Key, out var a))
            {
                gaps.Add(new DetectedGap(GapKinds.Unfilled, slot.Key, slot.Key, slot.Role, null, slot.Start, slot.End, "nobody is assigned"));
                continue;
            }

            var why = Unavailability(slot, a.PersonId, facts);
            if (why is not null)
            {
                gaps.Add(new DetectedGap(GapKinds.Unavailable, $"{slot.Key}/{a.PersonId:N}", slot.Key, slot.Role, a.PersonId, a.Start, a.End, why));
            }

            if (facts.OtherDuties.TryGetValue(a.PersonId, out var others) && others.Any(o => o.Start < a.End && a.Start < o.End))
            {
                gaps.Add(new DetectedGap(GapKinds.Conflict, $"{slot.Key}/{a.PersonId:N}", slot.Key, slot.Role, a.PersonId, a.Start, a.End,
                    "the assignee has an overlapping duty in another roster"));
            }
        }

        return gaps;
    }

    private static string? Unavailability(ShiftSlot slot, Guid personId, RosterFacts facts)
    {
        if (facts.Inactive.Contains(personId))
        {
            return "the assignee is deactivated";
        }

        if (!facts.Roles.TryGetValue(personId, out var roles) || !roles.Contains(slot.Role))
        {
            return $"the assignee is not qualified for the role {slot.Role}";
        }

        if (facts.LeaveDays.TryGetValue(personId, out var leave) && leave.Any(l => l.Contains(slot.Date)))
        {
            return "the assignee is on approved leave";
        }

        return null;
    }
}
