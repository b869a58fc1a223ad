using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>Someone on duty at the board's instant: their published slot, phone, presence and check-in.</summary>
public sealed class OnDutyPersonRow
{
    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string Role { get; init; } = "";

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    public Guid PersonId { get; init; }

    public string PersonName { get; init; } = "";

    public string? Phone { get; init; }

    /// <summary>on_site (在岗) or reachable (可联系).</summary>
    public string Presence { get; init; } = "on_site";

    public Instant? CheckedInAt { get; init; }

    public bool Late { get; init; }

    /// <summary>True for someone standing by (备班) rather than on duty.</summary>
    public bool Standby { get; init; }
}
