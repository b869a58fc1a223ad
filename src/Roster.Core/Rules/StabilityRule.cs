using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Soft: each assignment of the previous published roster that is not kept costs <paramref name="Weight"/>.</summary>
public sealed record StabilityRule(double Weight) : Rule
{
    public override string RuleType => "stability";

    public override bool IsHard => false;

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (Weight < 0)
        {
            yield return new ParameterProblem("weight", "must not be negative");
        }
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var previous in view.Problem.Previous)
        {
            if (!string.Equals(view.Assignments.GetValueOrDefault(previous.SlotId), previous.PersonId, StringComparison.Ordinal))
            {
                yield return Soft(Weight, $"{previous.PersonId} no longer in {previous.SlotId}", previous.PersonId, [previous.SlotId]);
            }
        }
    }

    internal override void Compile(ModelBuilder builder)
    {
        for (var p = 0; p < builder.Model.People; p++)
        {
            builder.Model.Limits[p].StabilityWeight = Weight;
        }
    }
}
