using NodaTime;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Soft: a person's duty days should be at least <paramref name="MinDaysBetween"/> days apart;
/// each closer pair of consecutive duty days costs <paramref name="Weight"/> per missing day.</summary>
public sealed record SpreadRule(int MinDaysBetween, double Weight) : Rule
{
    public IReadOnlyList<string>? PersonIds { get; init; }

    public override string RuleType => "spread";

    public override bool IsHard => false;

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (MinDaysBetween < 1)
        {
            yield return new ParameterProblem("minDaysBetween", "must be at least 1");
        }
        if (Weight < 0)
        {
            yield return new ParameterProblem("weight", "must not be negative");
        }
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var person in view.Problem.People.Where(p => PersonIds is null || PersonIds.Contains(p.Id, StringComparer.Ordinal)))
        {
            var days = view.SlotsOf(person.Id).Select(s => s.Date).Distinct().Order().ToList();
            for (var i = 1; i < days.Count; i++)
            {
                var gap = Period.DaysBetween(days[i - 1], days[i]);
                if (gap < MinDaysBetween)
                {
                    yield return Soft(Weight * (MinDaysBetween - gap), $"duty on {RuleData.Day(days[i - 1])} and {RuleData.Day(days[i])}, {gap} days apart, wanted {MinDaysBetween}",
                        person.Id, [], ("gap", gap), ("min", MinDaysBetween));
                }
            }
        }
    }

    internal override void Compile(ModelBuilder builder)
    {
        foreach (var p in builder.Persons(PersonIds))
        {
            (builder.Model.Limits[p].SpreadMinDays, builder.Model.Limits[p].SpreadWeight) = (MinDaysBetween, Weight);
        }
    }
}
