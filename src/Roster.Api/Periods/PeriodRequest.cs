using System.Text.Json;
using NodaTime;

namespace Roster.Api.Periods;

/// <summary>
/// Declares or changes a critical period on a unit for its subtree, from <c>firstDay</c> to <c>lastDay</c> inclusive.
/// Without <c>calendarId</c> the built-in mainland China calendar applies. <c>dailyReportDue</c>: local time each day's
/// report is due (default 16:00); <c>incidentAckMinutes</c>: how long supervisors have to acknowledge an incident (default 20).
/// <c>requiresApproval</c>: each unit's roster must be approved by the unit above before it is published (报备审批);
/// <c>submissionDue</c>: the instant by which units must have submitted it. <c>rosterUnits</c>: which units of the
/// subtree keep a roster (default all). Omitted on update: unchanged.
/// </summary>
public sealed record PeriodRequest(
    Guid? UnitId, string? Name, LocalDate? FirstDay, LocalDate? LastDay, Guid? CalendarId, JsonElement? Rules,
    LocalTime? DailyReportDue = null, int? IncidentAckMinutes = null, bool? RequiresApproval = null, Instant? SubmissionDue = null,
    RosterUnitsRequest? RosterUnits = null);
