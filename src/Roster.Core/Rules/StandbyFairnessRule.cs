using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Model;

namespace Roster.Core.Rules;

/// <summary>Soft: among the people of each unit who may stand by for <paramref name="Role"/>, equalise the weighted
/// standby (备班) load; costs <paramref name="Weight"/> × Σ (load − mean)². Weighs days like <see cref="FairnessRule"/>.
/// Without this rule a role's standby is spread with weight 1. It reads the standby slots of the problem
/// (<see cref="RosterProblem.StandbySlots"/>) from the view's assignments, so it charges nothing on a duty-only roster.</summary>
public sealed record StandbyFairnessRule(string Role, double Weight) : Rule
{
    public double HolidayWeight { get; init; } = 2;

    public double WeekendWeight { get; init; } = 1.5;

    public double NightWeight { get; init; } = 1.5;

    public override string RuleType => "standbyFairness";

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

    /// <summary>The explicit rule for <paramref name="role"/>, else weight 1 with the default day weights.</summary>
    public static StandbyFairnessRule For(RosterProblem problem, string role)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Rules.OfType<StandbyFairnessRule>().LastOrDefault(r => string.Equals(r.Role, role, StringComparison.Ordinal))
            ?? new StandbyFairnessRule(role, 1);
    }

    public double LoadOf(Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var day = slot.DayType switch { DayType.Holiday => HolidayWeight, DayType.Weekend => WeekendWeight, _ => 1 };
        return day * (slot.IsNight ? NightWeight : 1);
    }

    /// <summary>People who may stand by for the role: qualified for it and of an employment type the rules allow for it.</summary>
    public IEnumerable<Person> Members(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var barred = RuleSet.Effective(problem).OfType<EmploymentTypeRule>().Where(r => string.Equals(r.Role, Role, StringComparison.Ordinal)).ToList();
        return problem.People.Where(p => p.Roles.Contains(Role, StringComparer.Ordinal) && barred.All(r => r.Allowed.Contains(p.EmploymentType)));
    }

    /// <summary>Weight × Σ (load − mean)² per unit, given each member's standby load.</summary>
    public double Penalty(IEnumerable<double> loads)
    {
        var list = loads.ToList();
        if (list.Count == 0)
        {
            return 0;
        }
        var mean = list.Average();
        return Weight * list.Sum(l => (l - mean) * (l - mean));
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var slots = view.Problem.StandbySlots.Where(s => string.Equals(s.Role, Role, StringComparison.Ordinal)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var load = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (slotId, personId) in view.Assignments)
        {
            if (slots.TryGetValue(slotId, out var slot))
            {
                load[personId] = load.GetValueOrDefault(personId) + LoadOf(slot);
            }
        }
        foreach (var unit in Members(view.Problem).GroupBy(p => p.UnitId, StringComparer.Ordinal))
        {
            var loads = unit.Select(p => load.GetValueOrDefault(p.Id)).ToList();
            var penalty = Penalty(loads);
            if (penalty > 1e-9)
            {
                var spread = loads.Max() - loads.Min();
                yield return Soft(penalty, $"{Role} standby load in {unit.Key} ranges over {RuleData.Format(Math.Round(spread, 2))} weighted shifts", null, [],
                    ("unit", unit.Key), ("spread", spread), ("mean", loads.Average()));
            }
        }
    }

    /// <summary>Standby is planned after the duty search (<see cref="StandbyPlanner"/>); the duty model has nothing to encode.</summary>
    internal override void Compile(ModelBuilder builder)
    {
    }
}
