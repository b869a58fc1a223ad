using NodaTime;

namespace Roster.Core.Storage.Submissions;

/// <summary>
/// A unit behind on something the unit above watches: <c>submission_overdue</c>, <c>inspections_behind</c> or
/// <c>hazard_overdue</c>. Open while <see cref="ClosedAt"/> is null.
/// </summary>
public sealed class OversightFlagRow
{
    public Guid Id { get; init; }

    public string Kind { get; init; } = "";

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    /// <summary>What the flag is about: '' for the submission, else the requirement or hazard id.</summary>
    public string Subject { get; init; } = "";

    public string? Detail { get; init; }

    public Instant OpenedAt { get; init; }

    public Instant? ClosedAt { get; init; }
}
