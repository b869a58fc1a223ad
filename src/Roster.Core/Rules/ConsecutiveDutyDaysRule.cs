using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: runs of consecutive duty days are at most <see cref="Max"/> and at least <see cref="Min"/> long.</summary>
/// <remarks>A run touching the first or last day of the horizon is exempt from the minimum (it may continue outside).</remarks>
public sealed record ConsecutiveDutyDaysRule : PersonRule
{
    public int? Min { get; init; }

    public int? Max { get; init; }

    public override string RuleType => "consecutiveDutyDays";

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (Min is null && Max is null)
        {
            yield return new ParameterProblem("min", "set min, max or both");
        }
        if (Min < 1)
        {
            yield return new ParameterProblem("min", "must be at least 1");
        }
        if (Max < 1)
        {
            yield return new ParameterProblem("max", "must be at least 1");
        }
        if (Min > Max)
        {
            yield return new ParameterProblem("min", $"min {Min} is above max {Max}");
        }
    }

    protected override IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person)
    {
        foreach (var run in DutyDays.Runs(DutyDays.Worked(view, person.Id)).Where(r => r.Worked))
        {
            var (from, to) = (view.Horizon.Start.PlusDays(run.Start), view.Horizon.Start.PlusDays(run.Start + run.Length - 1));
            if (run.Length > Max)
            {
                yield return Hard($"{run.Length} consecutive duty days {RuleData.Range(from, to)}, max {Max}", person.Id, [],
                    ("days", run.Length), ("max", Max), ("from", from));
            }
            else if (run.Length < Min && !run.TouchesEdge)
            {
                yield return Hard($"only {run.Length} consecutive duty days {RuleData.Range(from, to)}, min {Min}", person.Id, [],
                    ("days", run.Length), ("min", Min), ("from", from));
            }
        }
    }

    protected override string ExplainText(RuleViolation added) => "would make " + added.Message;

    internal override void Compile(ModelBuilder builder)
    {
        foreach (var p in builder.Persons(PersonIds))
        {
            var limits = builder.Model.Limits[p];
            limits.MaxConsecutive = Math.Min(limits.MaxConsecutive, Max ?? int.MaxValue);
            limits.MinConsecutive = Math.Max(limits.MinConsecutive, Min ?? 0);
        }
    }
}
