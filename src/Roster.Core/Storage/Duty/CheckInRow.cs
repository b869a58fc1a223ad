using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>A check-in (and later check-out) for one slot.</summary>
public sealed class CheckInRow
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string SlotKey { get; init; } = "";

    public Guid PersonId { get; init; }

    public Instant SlotStartsAt { get; init; }

    public Instant SlotEndsAt { get; init; }

    public Instant CheckedInAt { get; init; }

    public bool Late { get; init; }

    public Instant? CheckedOutAt { get; init; }

    public string? HandoverNote { get; init; }

    public Guid? RecordedBy { get; init; }
}
