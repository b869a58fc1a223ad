using NodaTime;

namespace Roster.Core.Reminders;

/// <summary>What a reminder message says, before it is written in a language.</summary>
/// <remarks>Times are written in <c>Zone</c>, the unit's zone, as local wall-clock time.</remarks>
public sealed record ReminderFacts(
    string Kind,
    string PersonName,
    string UnitName,
    string UnitNameEn,
    string ShiftName,
    string ShiftNameEn,
    string Role,
    Instant Start,
    Instant End,
    int OffsetMinutes,
    string? NextPersonName,
    DateTimeZone Zone);
