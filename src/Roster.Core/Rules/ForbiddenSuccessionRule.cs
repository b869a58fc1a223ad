using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: a person working shift <paramref name="From"/> on day d does not work shift <paramref name="To"/> on day d+1.</summary>
public sealed record ForbiddenSuccessionRule(string From, string To) : PersonRule
{
    public override string RuleType => "forbiddenSuccession";

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (string.IsNullOrWhiteSpace(From))
        {
            yield return new ParameterProblem("from", "must name a shift code");
        }
        if (string.IsNullOrWhiteSpace(To))
        {
            yield return new ParameterProblem("to", "must name a shift code");
        }
    }

    protected override IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person)
    {
        var slots = view.SlotsOf(person.Id);
        var to = slots.Where(s => string.Equals(s.ShiftCode, To, StringComparison.Ordinal)).ToLookup(s => s.Date);
        foreach (var a in slots.Where(s => string.Equals(s.ShiftCode, From, StringComparison.Ordinal)))
        {
            foreach (var b in to[a.Date.PlusDays(1)])
            {
                yield return Violation(person, a, b);
            }
        }
    }

    /// <summary>Checks only the days either side of the slot, not the whole roster.</summary>
    public override Exclusion? Explain(RosterView view, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(person);
        if (!AppliesTo(person.Id))
        {
            return null;
        }
        var slots = view.SlotsOf(person.Id);
        var before = string.Equals(slot.ShiftCode, To, StringComparison.Ordinal)
            ? slots.FirstOrDefault(s => s.Date == slot.Date.PlusDays(-1) && string.Equals(s.ShiftCode, From, StringComparison.Ordinal))
            : null;
        var after = string.Equals(slot.ShiftCode, From, StringComparison.Ordinal)
            ? slots.FirstOrDefault(s => s.Date == slot.Date.PlusDays(1) && string.Equals(s.ShiftCode, To, StringComparison.Ordinal))
            : null;
        var v = before is not null ? Violation(person, before, slot) : after is not null ? Violation(person, slot, after) : null;
        return v is null ? null : new Exclusion(person.Id, RuleType, v.Message, v.Data);
    }

    private RuleViolation Violation(Person person, Slot a, Slot b) =>
        Hard($"{To} on {RuleData.Day(b.Date)} may not follow {From} on {RuleData.Day(a.Date)}", person.Id, [a.Id, b.Id], ("from", From), ("to", To));

    internal override void Compile(ModelBuilder builder)
    {
        var (from, to) = (builder.ShiftIndex(From), builder.ShiftIndex(To));
        if (from < 0 || to < 0)
        {
            return;
        }
        foreach (var p in builder.Persons(PersonIds))
        {
            builder.Model.Limits[p].ForbiddenNext ??= new bool[builder.Model.Shifts * builder.Model.Shifts];
            builder.Model.Limits[p].ForbiddenNext![(from * builder.Model.Shifts) + to] = true;
        }
    }
}
