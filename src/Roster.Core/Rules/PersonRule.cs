using System.Text.Json.Serialization;
using Roster.Core.Engine;

namespace Roster.Core.Rules;

/// <summary>A hard rule checked one person at a time, optionally limited to some people.</summary>
public abstract record PersonRule : Rule
{
    /// <summary>The people this rule binds; null binds everyone.</summary>
    public IReadOnlyList<string>? PersonIds { get; init; }

    public override bool IsHard => true;

    /// <summary>
    /// Whether standby (备班) counts as duty for this rule when standby is planned (default: it does not, a standby is
    /// reachable, not on site). Overlap always counts: nobody stands by while on duty.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CountsStandby { get; init; }

    public bool AppliesTo(string personId) => PersonIds is null || PersonIds.Contains(personId, StringComparer.Ordinal);

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Problem.People.Where(p => AppliesTo(p.Id)).SelectMany(p => ValidatePerson(view, p));
    }

    protected abstract IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person);

    /// <summary>Default explanation: the first violation that taking the slot would add.</summary>
    public override Exclusion? Explain(RosterView view, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(person);
        if (!AppliesTo(person.Id))
        {
            return null;
        }
        var before = view.ExplainCache(this, person.Id, () => ValidatePerson(view, person).Select(v => v.Message).ToHashSet(StringComparer.Ordinal));
        var added = ValidatePerson(view.With(slot, person), person).FirstOrDefault(v => !before.Contains(v.Message));
        return added is null ? null : new Exclusion(person.Id, RuleType, ExplainText(added), added.Data);
    }

    /// <summary>Rewords a violation the slot would cause as a reason the person cannot take it.</summary>
    protected virtual string ExplainText(RuleViolation added) => added.Message;
}
