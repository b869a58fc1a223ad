using NodaTime;

namespace Roster.Core.Storage.Reminders;

/// <summary>A due reminder with what its message needs.</summary>
internal sealed class DueReminderRow
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public string Kind { get; init; } = "";

    public Guid PersonId { get; init; }

    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string Role { get; init; } = "";

    public int OffsetMinutes { get; init; }

    public Instant ShiftStartsAt { get; init; }

    public Instant ShiftEndsAt { get; init; }

    public Instant DueAt { get; init; }

    public string PersonName { get; init; } = "";

    public string? PersonEmail { get; init; }

    public Guid? AccountId { get; init; }

    public string? NextPersonName { get; init; }

    public string UnitName { get; init; } = "";

    public string? UnitNameEn { get; init; }

    public string TimeZone { get; init; } = "";

    public string? ShiftName { get; init; }

    public string? ShiftNameEn { get; init; }
}
