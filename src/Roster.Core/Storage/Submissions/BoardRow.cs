using NodaTime;
using Roster.Core.Oversight;

namespace Roster.Core.Storage.Submissions;

/// <summary>One unit on its parent's submission board: its latest submission and roster, as stored.</summary>
public sealed class BoardRow
{
    public Guid UnitId { get; init; }

    public string UnitName { get; init; } = "";

    public Guid? SubmissionId { get; init; }

    public int? Number { get; init; }

    /// <summary>State of the latest submission, or null when none was made.</summary>
    public SubmissionState? State { get; init; }

    public Instant? SubmittedAt { get; init; }

    public Instant? DecidedAt { get; init; }

    public bool HasDraft { get; init; }

    public Instant? PublishedAt { get; init; }

    /// <summary>When the open "not submitted by the deadline" flag was raised, if one is open.</summary>
    public Instant? OverdueSince { get; init; }
}
