using NodaTime;

namespace Roster.Core.Storage.Feeds;

/// <summary>A published assignment with what a calendar event shows of it. The duty time is half-open [StartsAt, EndsAt).</summary>
public sealed class FeedEventRow
{
    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string? ShiftName { get; init; }

    public string? ShiftNameEn { get; init; }

    public string Role { get; init; } = "";

    public LocalDate DutyDate { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    public Guid PersonId { get; init; }

    public string PersonName { get; init; } = "";

    public string? PersonPhone { get; init; }

    public Guid UnitId { get; init; }

    public string UnitName { get; init; } = "";

    public string? UnitNameEn { get; init; }

    /// <summary>IANA zone of the unit, e.g. Asia/Shanghai.</summary>
    public string TimeZone { get; init; } = "";

    public Instant? PublishedAt { get; init; }

    /// <summary>Number of the published roster version the duty comes from.</summary>
    public int VersionNumber { get; init; }

    /// <summary>Leaders on duty (带班领导) whose slot overlaps this one in the same roster, joined with 、; null when none.</summary>
    public string? Leaders { get; init; }

    /// <summary>on_site (在岗, check-in required) or reachable (可联系, on call).</summary>
    public string Presence { get; init; } = "on_site";

    /// <summary>True for a standby (备班): reachable during the shift, stepping in first when a slot opens.</summary>
    public bool Standby { get; init; }
}
