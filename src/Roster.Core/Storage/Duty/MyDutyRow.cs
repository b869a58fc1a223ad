using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>One published duty of a person with its unit, the unit's check-in settings and the handover note left before it.</summary>
public sealed class MyDutyRow
{
    public Guid PeriodId { get; init; }

    public Guid UnitId { get; init; }

    public string UnitName { get; init; } = "";

    public string TimeZone { get; init; } = "";

    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string Role { get; init; } = "";

    public LocalDate DutyDate { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    /// <summary>Null when the unit keeps the default settings.</summary>
    public Period? CheckInOpensBefore { get; init; }

    public Period? CheckInClosesAfter { get; init; }

    public string? PreviousHandoverNote { get; init; }
}
