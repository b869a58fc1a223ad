using NodaTime;

namespace Roster.Api.Submissions;

/// <summary>
/// A submission of a unit's roster: <c>state</c> submitted, returned or approved. <c>changesSinceReturn</c> is set on a
/// resubmission: what changed since the submission that was returned.
/// </summary>
public sealed record SubmissionResponse(
    Guid Id, Guid PeriodId, Guid UnitId, int Number, string State, Guid RosterVersionId, string? Note, Instant SubmittedAt,
    Guid SubmittedBy, Instant? DecidedAt, Guid? DecidedBy, string? DecisionNote, IReadOnlyList<ReturnComment> Comments,
    Guid? PublishedVersionId, SubmissionChanges? ChangesSinceReturn);
