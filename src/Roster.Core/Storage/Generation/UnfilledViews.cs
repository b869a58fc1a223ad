using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Core.Storage.Generation;

/// <summary>The empty slots of a roster, each with why every candidate was excluded, named for people.</summary>
public static class UnfilledViews
{
    public static IReadOnlyList<UnfilledResponse> Unfilled(RosterSolution solution, RosterInputs inputs) =>
        solution.Unfilled.Select(u => Unfilled(u.SlotId, u.Candidates, inputs)).ToList();

    public static UnfilledResponse Unfilled(string slotKey, IReadOnlyList<Exclusion> candidates, RosterInputs inputs)
    {
        var slot = inputs.Slots[slotKey];
        return new UnfilledResponse(slot.Key, slot.ShiftCode, slot.Role, slot.Date, slot.Start, slot.End,
            candidates.Select(c =>
            {
                var id = Guid.Parse(c.PersonId);
                return new CandidateResponse(id, inputs.People.TryGetValue(id, out var p) ? p.Name : "", c.RuleType, c.Message, c.Data);
            }).ToList());
    }
}
