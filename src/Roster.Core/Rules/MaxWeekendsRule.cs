using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: at most <paramref name="Max"/> weekends worked; a weekend counts when the person has a slot dated its Saturday or Sunday.</summary>
public sealed record MaxWeekendsRule(int Max) : PersonRule
{
    public override string RuleType => "maxWeekends";

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (Max < 0)
        {
            yield return new ParameterProblem("max", "must not be negative");
        }
    }

    protected override IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person)
    {
        var weekends = view.SlotsOf(person.Id).Select(s => WeekendOf(s.Date)).OfType<LocalDate>().Distinct().Count();
        if (weekends > Max)
        {
            yield return Hard($"works {weekends} weekends, max {Max}", person.Id, [], ("weekends", weekends), ("max", Max));
        }
    }

    protected override string ExplainText(RuleViolation added) => $"already at max {Max} weekends";

    /// <summary>The Saturday of the weekend a date belongs to, or null on a weekday.</summary>
    public static LocalDate? WeekendOf(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date,
        IsoDayOfWeek.Sunday => date.PlusDays(-1),
        _ => null,
    };

    internal override void Compile(ModelBuilder builder)
    {
        foreach (var p in builder.Persons(PersonIds))
        {
            builder.Model.Limits[p].MaxWeekends = Math.Min(builder.Model.Limits[p].MaxWeekends, Max);
        }
    }
}
