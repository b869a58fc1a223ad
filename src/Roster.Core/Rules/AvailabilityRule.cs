using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: no slot during the person's leave or days off (the problem's unavailability list).</summary>
public sealed record AvailabilityRule : Rule
{
    public override string RuleType => "availability";

    public override bool IsHard => true;

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var (slotId, personId) in view.Assignments)
        {
            if (view.Slots.TryGetValue(slotId, out var slot) && Blocking(view.UnavailabilityOf(personId), slot) is { } u)
            {
                yield return Hard(Text(u), personId, [slotId], ("reason", u.Reason));
            }
        }
    }

    public override Exclusion? Explain(RosterView view, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(person);
        return Blocking(view.UnavailabilityOf(person.Id), slot) is { } u ? Excludes(person, Text(u), ("reason", u.Reason)) : null;
    }

    internal override void Compile(ModelBuilder builder)
    {
        var model = builder.Model;
        foreach (var u in builder.Problem.Unavailability)
        {
            var p = builder.PersonIndex(u.PersonId);
            for (var c = 0; p >= 0 && c < model.Cells.Length; c++)
            {
                if (Blocks(u, builder.SlotOf(c)))
                {
                    model.Eligible[p][c] = false;
                }
            }
        }
    }

    internal static Unavailability? Blocking(IReadOnlyList<Unavailability> list, Slot slot) => list.FirstOrDefault(u => Blocks(u, slot));

    private static bool Blocks(Unavailability u, Slot slot) =>
        (u.Dates is { } dates && dates.Contains(slot.Date))
        || (u.Period is { } period && period.Start < slot.Interval.End && slot.Interval.Start < period.End);

    private static string Text(Unavailability u) => u.Dates is { } d
        ? $"{u.Reason} {RuleData.Range(d.Start, d.End)}"
        : $"{u.Reason} {RuleData.Format(u.Period!.Value.Start)}…{RuleData.Format(u.Period!.Value.End)}";
}
