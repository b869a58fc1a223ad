using Roster.Core.Model;

namespace Roster.Core.Slots;

/// <summary>The shifts of a unit or critical period, each tagged with the day types it is worked on.</summary>
/// <remarks>A make-up workday (调休上班日) is worked like a workday, so it gets the workday shifts.</remarks>
public sealed class ShiftPattern
{
    public ShiftPattern(IEnumerable<ShiftDefinition> shifts)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        // Ordered by start time then code, so the slots of a day come out in the order they are worked.
        Shifts = [.. shifts.OrderBy(s => s.Start).ThenBy(s => s.Code, StringComparer.Ordinal)];
        var duplicate = Shifts.GroupBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Shift code '{duplicate.Key}' appears more than once in the pattern.", nameof(shifts));
        }
    }

    /// <summary>All shifts, by start time then code.</summary>
    public IReadOnlyList<ShiftDefinition> Shifts { get; }

    /// <summary>The shifts worked on a day of <paramref name="dayType"/>; make-up workdays get the workday shifts.</summary>
    public IReadOnlyList<ShiftDefinition> ShiftsFor(DayType dayType)
    {
        var effective = dayType == DayType.MakeUpWorkday ? DayType.Workday : dayType;
        return [.. Shifts.Where(s => s.DayTypes.Contains(effective))];
    }
}
