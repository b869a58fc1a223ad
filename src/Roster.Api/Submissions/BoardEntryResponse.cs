using NodaTime;

namespace Roster.Api.Submissions;

/// <summary>
/// A unit on its parent's submission board: <c>state</c> not_started, draft, submitted, returned or approved, with the
/// times; <c>overdueSince</c> is set while the unit is flagged for missing the submission deadline.
/// </summary>
public sealed record BoardEntryResponse(
    Guid UnitId, string UnitName, string State, Guid? SubmissionId, int? SubmissionNumber, Instant? SubmittedAt, Instant? DecidedAt,
    Instant? PublishedAt, Instant? OverdueSince);
