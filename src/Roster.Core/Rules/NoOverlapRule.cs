using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: a person's slots never overlap (half-open intervals, so back-to-back is allowed).</summary>
public sealed record NoOverlapRule : PersonRule
{
    public override string RuleType => "noOverlap";

    protected override IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person)
    {
        var slots = view.SlotsOf(person.Id);
        for (var i = 1; i < slots.Count; i++)
        {
            for (var j = i - 1; j >= 0 && j >= i - 3; j--)
            {
                if (slots[j].Interval.End > slots[i].Interval.Start)
                {
                    yield return Hard($"overlaps: {slots[j].ShiftCode} on {RuleData.Day(slots[j].Date)} and {slots[i].ShiftCode} on {RuleData.Day(slots[i].Date)}",
                        person.Id, [slots[j].Id, slots[i].Id]);
                }
            }
        }
    }

    internal override void Compile(ModelBuilder builder) => builder.Model.CheckOverlap = true;
}
