namespace Roster.Api.Submissions;

/// <summary>Approves a submitted roster (审批), which publishes it; an optional note.</summary>
public sealed record ApproveRequest(string? Note);
