namespace Roster.Api.DutyLog;

/// <summary>
/// A new duty log entry. <c>kind</c>: entry (default), incident (needs <c>category</c> and <c>severity</c>: low, medium,
/// high, critical), follow_up (needs <c>incidentId</c>) or correction (needs <c>correctsId</c>).
/// </summary>
public sealed record DutyLogRequest(
    string? Kind, string? SlotKey, string? Category, string? Severity, string? Body, string? ActionsTaken, Guid? IncidentId, Guid? CorrectsId);
