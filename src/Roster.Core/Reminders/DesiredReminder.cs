using NodaTime;

namespace Roster.Core.Reminders;

/// <summary>A reminder a published roster asks for. <see cref="Key"/> is stable across republishing.</summary>
public sealed record DesiredReminder(
    string Key,
    string Kind,
    Guid PersonId,
    string SlotKey,
    string ShiftCode,
    string Role,
    int OffsetMinutes,
    Instant ShiftStart,
    Instant ShiftEnd,
    Instant DueAt,
    Guid? NextPersonId);
