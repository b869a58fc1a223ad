using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Model;

namespace Roster.Core.Rules;

/// <summary>Hard: slots of <paramref name="Role"/> go only to people of the allowed employment types.</summary>
public sealed record EmploymentTypeRule(string Role, IReadOnlyList<EmploymentType> Allowed) : Rule
{
    public override string RuleType => "employmentType";

    public override bool IsHard => true;

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (string.IsNullOrWhiteSpace(Role))
        {
            yield return new ParameterProblem("role", "must name a duty role");
        }
        if (Allowed is null || Allowed.Count == 0)
        {
            yield return new ParameterProblem("allowed", "must allow at least one employment type");
        }
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var (slotId, personId) in view.Assignments)
        {
            if (view.Slots.TryGetValue(slotId, out var slot) && view.People.TryGetValue(personId, out var person) && Breaks(slot, person))
            {
                yield return Hard(Text(person), personId, [slotId], ("role", Role), ("employmentType", person.EmploymentType));
            }
        }
    }

    public override Exclusion? Explain(RosterView view, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(person);
        return Breaks(slot, person) ? Excludes(person, Text(person), ("role", Role), ("employmentType", person.EmploymentType)) : null;
    }

    internal override void Compile(ModelBuilder builder)
    {
        for (var c = 0; c < builder.Model.Cells.Length; c++)
        {
            for (var p = 0; p < builder.Model.People; p++)
            {
                if (Breaks(builder.SlotOf(c), builder.People[p]))
                {
                    builder.Model.Eligible[p][c] = false;
                }
            }
        }
    }

    private bool Breaks(Slot slot, Person person) =>
        string.Equals(slot.Role, Role, StringComparison.Ordinal) && !Allowed.Contains(person.EmploymentType);

    private string Text(Person person) =>
        $"{person.EmploymentType.ToString().ToLowerInvariant()} employees may not take {Role} duty";
}
