using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: each shift occurrence (slot group: unit, shift, date) of <see cref="ShiftCode"/> (or every shift)
/// has at least <paramref name="MinCount"/> assigned people carrying <paramref name="Tag"/>.</summary>
public sealed record TagRequirementRule(string Tag, int MinCount) : Rule
{
    public string? ShiftCode { get; init; }

    public override string RuleType => "tagRequirement";

    public override bool IsHard => true;

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (string.IsNullOrWhiteSpace(Tag))
        {
            yield return new ParameterProblem("tag", "must name a tag");
        }
        if (MinCount < 1)
        {
            yield return new ParameterProblem("minCount", "must be at least 1");
        }
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var group in view.Problem.Slots.Where(Binds).Select(s => s.Group).Distinct(StringComparer.Ordinal))
        {
            var slots = view.SlotsInGroup(group);
            var tagged = slots.Select(s => view.Assignments.GetValueOrDefault(s.Id)).OfType<string>().Distinct(StringComparer.Ordinal)
                .Count(id => view.People.TryGetValue(id, out var person) && person.Tags.Contains(Tag, StringComparer.Ordinal));
            if (tagged < MinCount)
            {
                yield return Hard($"{slots[0].ShiftCode} on {RuleData.Day(slots[0].Date)} has {tagged} people tagged {Tag}, needs {MinCount}", null,
                    slots.Select(s => s.Id).ToList(), ("tag", Tag), ("count", tagged), ("min", MinCount));
            }
        }
    }

    internal override void Compile(ModelBuilder builder)
    {
        var model = builder.Model;
        var hasTag = builder.People.Select(p => p.Tags.Contains(Tag, StringComparer.Ordinal)).ToArray();
        foreach (var cells in Enumerable.Range(0, model.Cells.Length).Where(c => Binds(builder.SlotOf(c))).GroupBy(c => builder.SlotOf(c).Group, StringComparer.Ordinal))
        {
            model.TagNeeds.Add(new TagNeed([.. cells], hasTag, MinCount));
        }
    }

    private bool Binds(Slot slot) => ShiftCode is null || string.Equals(slot.ShiftCode, ShiftCode, StringComparison.Ordinal);
}
