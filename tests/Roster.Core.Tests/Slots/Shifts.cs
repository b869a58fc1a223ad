using NodaTime;
using Roster.Core.Model;
using Roster.Core.Slots;

namespace Roster.Core.Tests.Slots;

/// <summary>The shift definitions the slot tests build patterns from.</summary>
internal static class Shifts
{
    public static readonly DayType[] EveryDay = [DayType.Workday, DayType.Weekend, DayType.Holiday];

    /// <summary>24-hour shift from 08:00, one leader.</summary>
    public static ShiftDefinition Full24(params DayType[] dayTypes) => new(
        "L24", "24小时班", "24-hour shift", new LocalTime(8, 0), Duration.FromHours(24),
        new Dictionary<string, int> { [DutyRoles.Leader] = 1 }, dayTypes.Length == 0 ? EveryDay : dayTypes);

    /// <summary>Day shift 08:00–20:00, one staff.</summary>
    public static ShiftDefinition Day(params DayType[] dayTypes) => new(
        "D", "白班", "Day shift", new LocalTime(8, 0), Duration.FromHours(12),
        new Dictionary<string, int> { [DutyRoles.Staff] = 1 }, dayTypes.Length == 0 ? EveryDay : dayTypes);

    /// <summary>Night shift 20:00–08:00, one staff.</summary>
    public static ShiftDefinition Night(params DayType[] dayTypes) => new(
        "N", "夜班", "Night shift", new LocalTime(20, 0), Duration.FromHours(12),
        new Dictionary<string, int> { [DutyRoles.Staff] = 1 }, dayTypes.Length == 0 ? EveryDay : dayTypes);
}
