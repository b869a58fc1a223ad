using NodaTime;
using Roster.Core.Oversight;

namespace Roster.Core.Storage.Submissions;

/// <summary>One submission of a unit's draft roster to the unit above (报备): submitted, then returned or approved.</summary>
public sealed class SubmissionRow
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    public Guid UnitId { get; init; }

    /// <summary>The draft version submitted.</summary>
    public Guid RosterVersionId { get; init; }

    /// <summary>1, 2, 3… per unit and period.</summary>
    public int Number { get; init; }

    public SubmissionState State { get; init; } = SubmissionState.Submitted;

    /// <summary>JSON object slot key → person id: the assignments as submitted.</summary>
    public string Snapshot { get; init; } = "{}";

    public string? Note { get; init; }

    public Instant SubmittedAt { get; init; }

    public Guid SubmittedBy { get; init; }

    public Instant? DecidedAt { get; init; }

    public Guid? DecidedBy { get; init; }

    public string? DecisionNote { get; init; }

    /// <summary>JSON array of return comments: {"date", "slotKey", "text"}.</summary>
    public string Comments { get; init; } = "[]";

    public Guid? PublishedVersionId { get; init; }
}
