namespace Roster.Api.DutyLog;

/// <summary>An incident with its timeline of follow-up reports.</summary>
public sealed record IncidentResponse(DutyLogEntryResponse Incident, IReadOnlyList<DutyLogEntryResponse> Timeline);
