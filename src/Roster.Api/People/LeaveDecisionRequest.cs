namespace Roster.Api.People;

/// <summary>An admin's answer to a leave request, with an optional note to the requester.</summary>
public sealed record LeaveDecisionRequest(string? Note);
