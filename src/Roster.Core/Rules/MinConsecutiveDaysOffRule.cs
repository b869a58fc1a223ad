using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: a run of days off is at least <paramref name="Days"/> long, except runs touching either end of the horizon.</summary>
public sealed record MinConsecutiveDaysOffRule(int Days) : PersonRule
{
    public override string RuleType => "minConsecutiveDaysOff";

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (Days < 1)
        {
            yield return new ParameterProblem("days", "must be at least 1");
        }
    }

    protected override IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person)
    {
        foreach (var run in DutyDays.Runs(DutyDays.Worked(view, person.Id)).Where(r => !r.Worked && !r.TouchesEdge && r.Length < Days))
        {
            var (from, to) = (view.Horizon.Start.PlusDays(run.Start), view.Horizon.Start.PlusDays(run.Start + run.Length - 1));
            yield return Hard($"only {run.Length} days off {RuleData.Range(from, to)}, min {Days}", person.Id, [],
                ("days", run.Length), ("min", Days), ("from", from));
        }
    }

    protected override string ExplainText(RuleViolation added) => "would leave " + added.Message;

    internal override void Compile(ModelBuilder builder)
    {
        foreach (var p in builder.Persons(PersonIds))
        {
            builder.Model.Limits[p].MinDaysOff = Math.Max(builder.Model.Limits[p].MinDaysOff, Days);
        }
    }
}
