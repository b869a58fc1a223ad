using NodaTime;

namespace Roster.Core.Storage.Statistics;

/// <summary>One duty on a published roster, with what the statistics need to value it.</summary>
public sealed class DutyFactRow
{
    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public Guid CalendarId { get; init; }

    public Guid PersonId { get; init; }

    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string? ShiftName { get; init; }

    public string? ShiftNameEn { get; init; }

    public string Role { get; init; } = "";

    public LocalDate DutyDate { get; init; }

    /// <summary>The duty's half-open interval [StartsAt, EndsAt).</summary>
    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    public string TimeZone { get; init; } = "";
}
