using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Api.Rosters;

/// <summary>Turns engine output into what the API shows.</summary>
internal static class RosterViews
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

    /// <summary>The hard violations of <paramref name="after"/> that <paramref name="before"/> did not already have.</summary>
    public static IReadOnlyList<RuleViolation> NewlyBroken(
        RosterProblem problem, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var known = RosterValidator.Validate(problem, before).HardViolations.Select(Key).ToHashSet(StringComparer.Ordinal);
        return RosterValidator.Validate(problem, after).HardViolations.Where(v => !known.Contains(Key(v))).ToList();
    }

    public static ViolationResponse Violation(RuleViolation v) =>
        new(v.RuleType, v.Hard, v.Message, v.PersonId is null ? null : Guid.Parse(v.PersonId), v.SlotIds, v.Penalty, v.Data);

    private static string Key(RuleViolation v) => v.RuleType + "|" + v.PersonId + "|" + string.Join(',', v.SlotIds) + "|" + v.Message;
}
