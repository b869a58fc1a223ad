using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>
/// A critical period; both <c>firstDay</c> and <c>lastDay</c> are included. <c>warnings</c> (on reads) names what it
/// lacks, e.g. a year its holiday calendar does not cover ("2027 holidays not loaded").
/// </summary>
public sealed record PeriodResponse(
    Guid Id, Guid UnitId, string Name, LocalDate FirstDay, LocalDate LastDay, Guid CalendarId, JsonElement Rules,
    LocalTime DailyReportDue, int IncidentAckMinutes, int Version, Instant CreatedAt, bool RequiresApproval = false,
    Instant? SubmissionDue = null, RosterUnitsResponse? RosterUnits = null, IReadOnlyList<PeriodWarning>? Warnings = null)
{
    /// <param name="row">The stored period.</param>
    /// <param name="warnings">What the period lacks (see <see cref="PeriodWarnings"/>); omitted from audit records.</param>
    public static PeriodResponse From(PeriodRow row, IReadOnlyList<PeriodWarning>? warnings = null)
    {
        using var rules = JsonDocument.Parse(row.Rules);
        return new(row.Id, row.UnitId, row.Name, row.FirstDay, row.LastDay, row.CalendarId, rules.RootElement.Clone(), row.DailyReportDue,
            row.IncidentAckMinutes, row.Version, row.CreatedAt, row.RequiresApproval, row.SubmissionDue, RosterUnitsResponse.From(row), warnings);
    }
}
