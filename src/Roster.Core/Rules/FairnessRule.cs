using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Model;

namespace Roster.Core.Rules;

/// <summary>Soft: among the people of each unit qualified for <paramref name="Role"/>, equalise the weighted load of that role's slots;
/// costs <paramref name="Weight"/> × Σ (load − mean)². A slot weighs 1, holidays and weekends more, nights multiply.</summary>
public sealed record FairnessRule(string Role, double Weight) : Rule
{
    public double HolidayWeight { get; init; } = 2;

    public double WeekendWeight { get; init; } = 1.5;

    public double NightWeight { get; init; } = 1.5;

    public override string RuleType => "fairness";

    public override bool IsHard => false;

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (string.IsNullOrWhiteSpace(Role))
        {
            yield return new ParameterProblem("role", "must name a duty role");
        }
        foreach (var (field, value) in new[] { ("weight", Weight), ("holidayWeight", HolidayWeight), ("weekendWeight", WeekendWeight), ("nightWeight", NightWeight) })
        {
            if (value < 0)
            {
                yield return new ParameterProblem(field, "must not be negative");
            }
        }
    }

    public double LoadOf(Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var day = slot.DayType switch { DayType.Holiday => HolidayWeight, DayType.Weekend => WeekendWeight, _ => 1 };
        return day * (slot.IsNight ? NightWeight : 1);
    }

    /// <summary>Weighted load per person of each unit (people qualified for the role only).</summary>
    public IEnumerable<(string UnitId, IReadOnlyDictionary<string, double> Loads)> Loads(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var unit in Members(view.Problem, view.Problem.People).GroupBy(p => p.UnitId, StringComparer.Ordinal))
        {
            var loads = unit.ToDictionary(p => p.Id, p => view.SlotsOf(p.Id).Where(s => string.Equals(s.Role, Role, StringComparison.Ordinal)).Sum(LoadOf), StringComparer.Ordinal);
            yield return (unit.Key, loads);
        }
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        foreach (var (unitId, loads) in Loads(view))
        {
            var mean = loads.Values.Average();
            var penalty = Weight * loads.Values.Sum(l => (l - mean) * (l - mean));
            if (penalty > 1e-9)
            {
                var spread = loads.Values.Max() - loads.Values.Min();
                yield return Soft(penalty, $"{Role} load in {unitId} ranges over {RuleData.Format(Math.Round(spread, 2))} weighted shifts", null, [],
                    ("unit", unitId), ("spread", spread), ("mean", mean));
            }
        }
    }

    /// <summary>People who may take the role: qualified for it and of an employment type the rules allow for it.</summary>
    private IEnumerable<Person> Members(RosterProblem problem, IEnumerable<Person> people)
    {
        var barred = RuleSet.Effective(problem).OfType<EmploymentTypeRule>().Where(r => string.Equals(r.Role, Role, StringComparison.Ordinal)).ToList();
        return people.Where(p => p.Roles.Contains(Role, StringComparer.Ordinal) && barred.All(r => r.Allowed.Contains(p.EmploymentType)));
    }

    internal override void Compile(ModelBuilder builder)
    {
        var role = builder.RoleIndex(Role);
        if (role < 0)
        {
            return;
        }
        foreach (var cell in builder.Model.Cells.Where(c => c.Role == role))
        {
            cell.Load = LoadOf(builder.SlotOf(cell.Index));
        }
        var members = Members(builder.Problem, builder.People).ToHashSet();
        foreach (var unit in Enumerable.Range(0, builder.Model.People).Where(p => members.Contains(builder.People[p]))
            .GroupBy(p => builder.People[p].UnitId, StringComparer.Ordinal))
        {
            builder.Model.FairGroups.Add(new FairGroup(role, Weight, [.. unit]));
        }
    }
}
