using NodaTime;

namespace Roster.Core.Storage.Inspections;

/// <summary>An inspection to do during an on-site duty [StartsAt, EndsAt) of a unit's published roster.</summary>
public sealed class TaskRow
{
    public Guid Id { get; init; }

    public Guid RequirementId { get; init; }

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string SlotKey { get; init; } = "";

    /// <summary>The person on the slot when the task was scheduled.</summary>
    public Guid PersonId { get; init; }

    public LocalDate DutyDate { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    /// <summary>open or done.</summary>
    public string State { get; init; } = "open";

    /// <summary>JSON array, one entry per checklist item once done: {"item", "outcome", "note"}.</summary>
    public string Results { get; init; } = "[]";

    public Instant? DoneAt { get; init; }

    public Guid? DoneBy { get; init; }

    public Instant CreatedAt { get; init; }
}
