using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Api.Rosters;

/// <summary>Turns engine output into what the API shows.</summary>
internal static class RosterViews
{
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
