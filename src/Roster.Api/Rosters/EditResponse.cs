namespace Roster.Api.Rosters;

/// <summary>The draft after an edit: the assignment (null when a slot was cleared), rules knowingly broken, slots still empty.</summary>
public sealed record EditResponse(Guid VersionId, AssignmentResponse? Assignment, IReadOnlyList<ViolationResponse> ForcedViolations, int UnfilledSlots);
