using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: a person takes only slots of their own unit and of a role they are qualified for.</summary>
public sealed record QualificationRule : Rule
{
    public override string RuleType => "qualification";

    public override bool IsHard => true;

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var (slotId, personId) in view.Assignments)
        {
            if (!view.Slots.TryGetValue(slotId, out var slot))
            {
                yield return Hard($"unknown slot {slotId}", personId, [slotId]);
            }
            else if (!view.People.TryGetValue(personId, out var person))
            {
                yield return Hard($"unknown person {personId}", personId, [slotId]);
            }
            else if (Reason(slot, person) is { } reason)
            {
                yield return Hard(reason, personId, [slotId], ("role", slot.Role), ("unit", slot.UnitId));
            }
        }
    }

    public override Exclusion? Explain(RosterView view, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(person);
        return Reason(slot, person) is { } reason ? Excludes(person, reason, ("role", slot.Role), ("unit", slot.UnitId)) : null;
    }

    internal override void Compile(ModelBuilder builder)
    {
        var model = builder.Model;
        for (var p = 0; p < model.People; p++)
        {
            for (var c = 0; c < model.Cells.Length; c++)
            {
                if (Reason(builder.SlotOf(c), builder.People[p]) is not null)
                {
                    model.Eligible[p][c] = false;
                }
            }
        }
    }

    private static string? Reason(Slot slot, Person person) =>
        !string.Equals(slot.UnitId, person.UnitId, StringComparison.Ordinal) ? $"belongs to unit {person.UnitId}, not {slot.UnitId}"
        : !person.Roles.Contains(slot.Role, StringComparer.Ordinal) ? $"not qualified for role {slot.Role}"
        : null;
}
