using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: after a shift (of <see cref="AfterShiftCode"/>, or any), the person's next shift starts at least <paramref name="Rest"/> later.</summary>
public sealed record MinRestRule(Duration Rest) : PersonRule
{
    public string? AfterShiftCode { get; init; }

    public override string RuleType => "minRest";

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (Rest < Duration.Zero)
        {
            yield return new ParameterProblem("rest", "must not be negative");
        }
    }

    protected override IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person)
    {
        var slots = view.SlotsOf(person.Id);
        for (var i = 1; i < slots.Count; i++)
        {
            var (prev, next) = (slots[i - 1], slots[i]);
            var gap = next.Interval.Start - prev.Interval.End;
            if (Binds(prev) && gap < Rest)
            {
                yield return Hard($"rest: {prev.ShiftCode} on {RuleData.Day(prev.Date)} ends {RuleData.Hours(gap)} before {next.ShiftCode} on {RuleData.Day(next.Date)}, needs {RuleData.Hours(Rest)}",
                    person.Id, [prev.Id, next.Id], ("gap", gap), ("rest", Rest));
            }
        }
    }

    public override Exclusion? Explain(RosterView view, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(person);
        if (!AppliesTo(person.Id))
        {
            return null;
        }
        var others = view.SlotsOf(person.Id);
        var prev = others.LastOrDefault(o => o.Interval.Start <= slot.Interval.Start && o.Id != slot.Id);
        var next = others.FirstOrDefault(o => o.Interval.Start > slot.Interval.Start);
        if (prev is not null && Binds(prev) && slot.Interval.Start - prev.Interval.End < Rest)
        {
            var gap = slot.Interval.Start - prev.Interval.End;
            return Excludes(person, $"rest: previous shift ends {RuleData.Hours(gap)} before, needs {RuleData.Hours(Rest)}", ("gap", gap), ("rest", Rest), ("slot", prev.Id));
        }
        if (next is not null && Binds(slot) && next.Interval.Start - slot.Interval.End < Rest)
        {
            var gap = next.Interval.Start - slot.Interval.End;
            return Excludes(person, $"rest: next shift starts {RuleData.Hours(gap)} after, needs {RuleData.Hours(Rest)}", ("gap", gap), ("rest", Rest), ("slot", next.Id));
        }
        return null;
    }

    internal override void Compile(ModelBuilder builder)
    {
        var minutes = (long)Rest.TotalMinutes;
        foreach (var p in builder.Persons(PersonIds))
        {
            var rest = builder.Model.Limits[p].RestAfter;
            for (var s = 0; s < rest.Length; s++)
            {
                if (AfterShiftCode is null || builder.ShiftIndex(AfterShiftCode) == s)
                {
                    rest[s] = Math.Max(rest[s], minutes);
                }
            }
        }
    }

    private bool Binds(Slot prev) => AfterShiftCode is null || string.Equals(prev.ShiftCode, AfterShiftCode, StringComparison.Ordinal);
}
