using Roster.Core.Engine;

namespace Roster.Core.Rules;

/// <summary>The oracle: checks any roster (generated, hand-edited, swapped) against every effective rule.</summary>
public static class RosterValidator
{
    /// <summary>The hard violations of <paramref name="after"/> that <paramref name="before"/> did not already have.</summary>
    public static IReadOnlyList<RuleViolation> NewlyBroken(
        RosterProblem problem, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var known = Validate(problem, before).HardViolations.Select(Key).ToHashSet(StringComparer.Ordinal);
        return Validate(problem, after).HardViolations.Where(v => !known.Contains(Key(v))).ToList();
    }

    public static ValidationReport Validate(RosterProblem problem, IReadOnlyDictionary<string, string> assignments)
    {
        var view = new RosterView(problem, assignments);
        var hard = new List<RuleViolation>();
        var soft = new List<RuleViolation>();
        var score = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var rule in RuleSet.Effective(problem))
        {
            foreach (var v in rule.Validate(view))
            {
                (v.Hard ? hard : soft).Add(v);
                if (!v.Hard)
                {
                    score[v.RuleType] = score.GetValueOrDefault(v.RuleType) + v.Penalty;
                }
            }
            if (!rule.IsHard)
            {
                score.TryAdd(rule.RuleType, 0);
            }
        }
        foreach (var pin in problem.Pinned.Where(a => !string.Equals(assignments.GetValueOrDefault(a.SlotId), a.PersonId, StringComparison.Ordinal)))
        {
            hard.Add(new RuleViolation("pinned", true, $"pinned {pin.PersonId} in {pin.SlotId} was removed", pin.PersonId, [pin.SlotId], 0,
                new Dictionary<string, string>(StringComparer.Ordinal)));
        }
        return new ValidationReport(hard, soft, score);
    }

    /// <summary>Why each qualified person of the slot's unit cannot take it: the first hard rule that excludes them.</summary>
    public static IReadOnlyList<Exclusion> Explain(RosterProblem problem, IReadOnlyDictionary<string, string> assignments, string slotId)
    {
        var view = new RosterView(problem, assignments);
        return Explain(view, HardRulesByPerson(problem), view.Slots[slotId]);
    }

    /// <summary>The hard rules binding each person, so explaining does not walk every per-person rule of everyone.</summary>
    internal static Dictionary<string, List<Rule>> HardRulesByPerson(RosterProblem problem)
    {
        var hard = RuleSet.Effective(problem).Where(r => r.IsHard).ToList();
        return problem.People.ToDictionary(p => p.Id, p => hard.Where(r => r is not PersonRule pr || pr.AppliesTo(p.Id)).ToList(), StringComparer.Ordinal);
    }

    internal static IReadOnlyList<Exclusion> Explain(RosterView view, Dictionary<string, List<Rule>> rulesByPerson, Slot slot)
    {
        var result = new List<Exclusion>();
        var candidates = view.Problem.People.Where(p => string.Equals(p.UnitId, slot.UnitId, StringComparison.Ordinal) && p.Roles.Contains(slot.Role, StringComparer.Ordinal));
        foreach (var person in candidates)
        {
            var exclusion = rulesByPerson[person.Id].Select(r => r.Explain(view, slot, person)).FirstOrDefault(e => e is not null)
                ?? SameDay(view, slot, person)
                ?? new Exclusion(person.Id, "none", "no hard rule excludes this person; leaving the slot empty scored better", new Dictionary<string, string>(StringComparer.Ordinal));
            result.Add(exclusion);
        }
        return result;
    }

    private static Exclusion? SameDay(RosterView view, Slot slot, Person person) =>
        view.SlotsOf(person.Id).FirstOrDefault(s => s.Date == slot.Date) is { } other
            ? new Exclusion(person.Id, "oneShiftPerDay", $"already on {other.ShiftCode} that day (the engine gives one shift per day)",
                new Dictionary<string, string>(StringComparer.Ordinal) { ["slot"] = other.Id })
            : null;

    private static string Key(RuleViolation v) => v.RuleType + "|" + v.PersonId + "|" + string.Join(',', v.SlotIds) + "|" + v.Message;
}
