using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Soft: for each unit, role, shift and date, every empty required slot costs <paramref name="UnderWeight"/> and every
/// filled optional slot costs <paramref name="OverWeight"/>. The first coverage rule matching a slot (by role and shift) applies.</summary>
public sealed record CoverageRule(double UnderWeight, double OverWeight) : Rule
{
    /// <summary>Applied after the explicit coverage rules, so every slot has a price for staying empty.</summary>
    public static readonly CoverageRule Default = new(1000, 1);

    public string? Role { get; init; }

    public string? ShiftCode { get; init; }

    public override string RuleType => "coverage";

    public override bool IsHard => false;

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (UnderWeight < 0)
        {
            yield return new ParameterProblem("underWeight", "must not be negative");
        }
        if (OverWeight < 0)
        {
            yield return new ParameterProblem("overWeight", "must not be negative");
        }
    }

    public bool Matches(Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return (Role is null || string.Equals(slot.Role, Role, StringComparison.Ordinal))
            && (ShiftCode is null || string.Equals(slot.ShiftCode, ShiftCode, StringComparison.Ordinal));
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var coverage = RuleSet.Effective(view.Problem).OfType<CoverageRule>().ToList();
        var groups = view.Problem.Slots.Where(s => coverage.First(r => r.Matches(s)) == this)
            .GroupBy(s => (s.UnitId, s.Role, s.ShiftCode, s.Date));
        foreach (var group in groups)
        {
            var target = group.Count(s => !s.Optional);
            var filled = group.Count(s => view.Assignments.ContainsKey(s.Id));
            var where = $"{group.Key.Role} {group.Key.ShiftCode} on {RuleData.Day(group.Key.Date)}";
            var ids = group.Select(s => s.Id).ToList();
            if (filled < target)
            {
                yield return Soft(UnderWeight * (target - filled), $"{where}: {filled} of {target} filled", null, ids, ("filled", filled), ("target", target));
            }
            else if (filled > target)
            {
                yield return Soft(OverWeight * (filled - target), $"{where}: {filled} on duty, target {target}", null, ids, ("filled", filled), ("target", target));
            }
        }
    }

    internal override void Compile(ModelBuilder builder)
    {
        foreach (var cell in builder.Model.Cells.Where(c => !c.CoverageSet && Matches(builder.SlotOf(c.Index))))
        {
            (cell.Under, cell.Over, cell.CoverageSet) = (UnderWeight, OverWeight, true);
        }
    }
}
