using Roster.Core.Engine;
using Roster.Core.Model;

namespace Roster.Core.Rules;

/// <summary>The rules that actually apply to a problem: the explicit ones plus the defaults they do not override.</summary>
public static class RuleSet
{
    public static IReadOnlyList<Rule> Effective(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var rules = new List<Rule>(problem.Rules);
        AddUnlessPresent(rules, new QualificationRule());
        AddUnlessPresent(rules, new NoOverlapRule());
        AddUnlessPresent(rules, new AvailabilityRule());
        if (!rules.OfType<EmploymentTypeRule>().Any(r => string.Equals(r.Role, DutyRoles.Staff, StringComparison.Ordinal)))
        {
            rules.Add(new EmploymentTypeRule(DutyRoles.Staff, [EmploymentType.Formal]));
        }
        rules.Add(CoverageRule.Default);
        return rules;
    }

    /// <summary>Parameter problems of every rule, named by position and type (for a 422 answer).</summary>
    public static IReadOnlyList<RuleParameterError> Check(IReadOnlyList<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.SelectMany((rule, i) => rule.CheckParameters().Select(p => new RuleParameterError(i, rule.RuleType, p.Field, p.Message))).ToList();
    }

    private static void AddUnlessPresent<T>(List<Rule> rules, T rule)
        where T : Rule
    {
        if (!rules.OfType<T>().Any())
        {
            rules.Add(rule);
        }
    }
}
