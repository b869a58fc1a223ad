namespace Roster.Core.Rules;

/// <summary>The validator's verdict: hard violations, soft charges, and the soft score per rule type.</summary>
public sealed record ValidationReport(
    IReadOnlyList<RuleViolation> HardViolations,
    IReadOnlyList<RuleViolation> SoftPenalties,
    IReadOnlyDictionary<string, double> ScoreByRule)
{
    public double SoftScore => ScoreByRule.Values.Sum();
}
