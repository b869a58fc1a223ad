using NodaTime;
using Roster.Core.Storage.Duty;

namespace Roster.Api.DutyLog;

/// <summary>A duty log entry as written; incidents also carry their acknowledgement deadline and state.</summary>
public sealed record DutyLogEntryResponse(
    Guid Id, Guid UnitId, Guid PeriodId, string? SlotKey, string Kind, string? Category, string? Severity, string Body,
    string? ActionsTaken, Guid? IncidentId, Guid? CorrectsId, Guid AuthorId, Instant CreatedAt, Instant? AckDueAt,
    Guid? AcknowledgedBy, Instant? AcknowledgedAt, bool? AcknowledgedLate)
{
    public static DutyLogEntryResponse From(DutyLogEntryRow r) => new(
        r.Id, r.UnitId, r.PeriodId, r.SlotKey, r.Kind, r.Category, r.Severity, r.Body, r.ActionsTaken, r.IncidentId, r.CorrectsId,
        r.AuthorId, r.CreatedAt, r.AckDueAt, r.AcknowledgedBy, r.AcknowledgedAt, r.AckLate);
}
