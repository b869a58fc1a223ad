using Roster.Api.Rosters;

namespace Roster.Api.Submissions;

/// <summary>The approved submission and the roster version its approval published.</summary>
public sealed record ApproveResponse(SubmissionResponse Submission, PublishResponse Published);
