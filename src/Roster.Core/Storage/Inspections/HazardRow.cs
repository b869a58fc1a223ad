using NodaTime;

namespace Roster.Core.Storage.Inspections;

/// <summary>A hazard (隐患) found by an inspection, tracked until rectified (整改): who, by when, closed when.</summary>
public sealed class HazardRow
{
    public Guid Id { get; init; }

    public Guid TaskId { get; init; }

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    /// <summary>The checklist item it was found under.</summary>
    public string Item { get; init; } = "";

    public string? Note { get; init; }

    public Instant FoundAt { get; init; }

    /// <summary>Who is responsible for the rectification.</summary>
    public string? Owner { get; init; }

    /// <summary>When it must be rectified; past it and still open, the hazard is overdue.</summary>
    public Instant? DueAt { get; init; }

    public Instant? ClosedAt { get; init; }

    public Guid? ClosedBy { get; init; }

    public string? ClosingNote { get; init; }
}
