namespace Roster.Api.DutyLog;

/// <summary>A supervisor's acknowledgement of an incident.</summary>
public sealed record AcknowledgeRequest(string? Note);
