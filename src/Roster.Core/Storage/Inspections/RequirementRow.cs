using NodaTime;

namespace Roster.Core.Storage.Inspections;

/// <summary>
/// A required special inspection or patrol of a period, for every unit under it (<see cref="UnitId"/> null) or one unit:
/// at least <see cref="MinCount"/> per unit on duty dates <see cref="WindowFirst"/> … <see cref="WindowLast"/> (both
/// included), or with <see cref="PatrolShift"/> one patrol on each such shift in the window.
/// </summary>
public sealed class RequirementRow
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    public Guid? UnitId { get; init; }

    public string Kind { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>JSON array of the checklist items (strings).</summary>
    public string Checklist { get; init; } = "[]";

    public int MinCount { get; init; }

    public LocalDate WindowFirst { get; init; }

    public LocalDate WindowLast { get; init; }

    public string? PatrolShift { get; init; }

    /// <summary>Days before the window's end from which a unit still short of its minimum is flagged.</summary>
    public int LeadDays { get; init; } = 2;

    public Instant CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }
}
