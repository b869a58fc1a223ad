using NodaTime;
using Roster.Core.Model;

namespace Roster.Core.Engine;

/// <summary>
/// One concrete need as the engine sees it: a person of <paramref name="Role"/> on shift <paramref name="ShiftCode"/> of
/// <paramref name="Date"/>. The service builds one from each <see cref="Slots.ShiftSlot"/>, with its key as <paramref name="Id"/>.
/// </summary>
/// <remarks><paramref name="Interval"/> is half-open: back-to-back shifts do not overlap.</remarks>
public sealed record Slot(string Id, string UnitId, string Role, string ShiftCode, LocalDate Date, DayType DayType, Interval Interval)
{
    /// <summary>A night shift weighs more in fairness (see the fairness rule's night weight).</summary>
    public bool IsNight { get; init; }

    /// <summary>Extra head-count: filling it is allowed but charged the coverage rule's over-target weight; leaving it empty costs nothing.</summary>
    public bool Optional { get; init; }

    /// <summary>Slots with the same group (default: unit, shift and date) are one shift occurrence for tag requirements.</summary>
    public string Group => $"{UnitId}|{ShiftCode}|{Date:yyyy-MM-dd}";

    public long Minutes => (long)Interval.Duration.TotalMinutes;
}
