using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Hard: how many shifts and minutes a person works in <see cref="Period"/> (default: the horizon),
/// counting only slots of <see cref="ShiftCode"/> and <see cref="Role"/> when set.</summary>
/// <remarks><see cref="Period"/> is inclusive; a slot counts by its date.</remarks>
public sealed record WorkloadLimitRule : PersonRule
{
    public DateInterval? Period { get; init; }

    public string? ShiftCode { get; init; }

    public string? Role { get; init; }

    public int? MinShifts { get; init; }

    public int? MaxShifts { get; init; }

    public long? MinMinutes { get; init; }

    public long? MaxMinutes { get; init; }

    public override string RuleType => "workload";

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (MinShifts is null && MaxShifts is null && MinMinutes is null && MaxMinutes is null)
        {
            yield return new ParameterProblem("maxShifts", "set at least one of minShifts, maxShifts, minMinutes, maxMinutes");
        }
        foreach (var (field, value) in new[] { ("minShifts", (long?)MinShifts), ("maxShifts", MaxShifts), ("minMinutes", MinMinutes), ("maxMinutes", MaxMinutes) })
        {
            if (value < 0)
            {
                yield return new ParameterProblem(field, "must not be negative");
            }
        }
        if (MinShifts > MaxShifts)
        {
            yield return new ParameterProblem("minShifts", $"minShifts {MinShifts} is above maxShifts {MaxShifts}");
        }
        if (MinMinutes > MaxMinutes)
        {
            yield return new ParameterProblem("minMinutes", $"minMinutes {MinMinutes} is above maxMinutes {MaxMinutes}");
        }
    }

    protected override IEnumerable<RuleViolation> ValidatePerson(RosterView view, Person person)
    {
        var (shifts, minutes, what) = Count(view, person);
        if (shifts > MaxShifts)
        {
            yield return Hard($"{shifts} {what}, max {MaxShifts}", person.Id, [], ("limit", "maxShifts"), ("value", shifts), ("max", MaxShifts));
        }
        if (shifts < MinShifts)
        {
            yield return Hard($"{shifts} {what}, min {MinShifts}", person.Id, [], ("limit", "minShifts"), ("value", shifts), ("min", MinShifts));
        }
        if (minutes > MaxMinutes)
        {
            yield return Hard($"{minutes} minutes of {what}, max {MaxMinutes}", person.Id, [], ("limit", "maxMinutes"), ("value", minutes), ("max", MaxMinutes));
        }
        if (minutes < MinMinutes)
        {
            yield return Hard($"{minutes} minutes of {what}, min {MinMinutes}", person.Id, [], ("limit", "minMinutes"), ("value", minutes), ("min", MinMinutes));
        }
    }

    /// <summary>Only the maximums can exclude a person from one more slot.</summary>
    public override Exclusion? Explain(RosterView view, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(person);
        if (!AppliesTo(person.Id) || !Counts(slot, view.Horizon))
        {
            return null;
        }
        var (shifts, minutes, what) = Count(view, person);
        if (shifts + 1 > MaxShifts)
        {
            return Excludes(person, $"already at max {MaxShifts} {what}", ("limit", "maxShifts"), ("value", shifts), ("max", MaxShifts));
        }
        return minutes + slot.Minutes > MaxMinutes
            ? Excludes(person, $"already at {minutes} of max {MaxMinutes} minutes", ("limit", "maxMinutes"), ("value", minutes), ("max", MaxMinutes))
            : null;
    }

    internal override void Compile(ModelBuilder builder)
    {
        var range = Period ?? builder.Horizon;
        var limit = new WorkloadLimit(
            Math.Max(0, builder.DayIndex(range.Start)),
            Math.Min(builder.Model.Days - 1, builder.DayIndex(range.End)),
            ShiftCode is null ? -1 : builder.ShiftIndex(ShiftCode),
            Role is null ? -1 : builder.RoleIndex(Role),
            MinShifts ?? 0, MaxShifts ?? int.MaxValue, MinMinutes ?? 0, MaxMinutes ?? long.MaxValue);
        if ((ShiftCode is not null && limit.Shift < 0) || (Role is not null && limit.Role < 0))
        {
            limit = limit with { Shift = -2 };
        }
        foreach (var p in builder.Persons(PersonIds))
        {
            builder.Model.Limits[p].Workloads.Add(limit);
        }
    }

    private (int Shifts, long Minutes, string What) Count(RosterView view, Person person)
    {
        var counted = view.SlotsOf(person.Id).Where(s => Counts(s, view.Horizon)).ToList();
        var what = (ShiftCode is null ? "shifts" : $"{ShiftCode} shifts") + (Period is { } p ? $" in {RuleData.Range(p.Start, p.End)}" : "");
        return (counted.Count, counted.Sum(s => s.Minutes), what);
    }

    private bool Counts(Slot slot, DateInterval horizon) =>
        (Period ?? horizon).Contains(slot.Date)
        && (ShiftCode is null || string.Equals(slot.ShiftCode, ShiftCode, StringComparison.Ordinal))
        && (Role is null || string.Equals(slot.Role, Role, StringComparison.Ordinal));
}
