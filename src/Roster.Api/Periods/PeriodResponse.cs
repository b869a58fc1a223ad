using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>A critical period; both <c>firstDay</c> and <c>lastDay</c> are included.</summary>
public sealed record PeriodResponse(
    Guid Id, Guid UnitId, string Name, LocalDate FirstDay, LocalDate LastDay, Guid CalendarId, JsonElement Rules,
    LocalTime DailyReportDue, int IncidentAckMinutes, int Version, Instant CreatedAt, bool RequiresApproval = false,
    Instant? SubmissionDue = null)
{
    public static PeriodResponse From(PeriodRow row)
    {
        using var rules = JsonDocument.Parse(row.Rules);
        return new(row.Id, row.UnitId, row.Name, row.FirstDay, row.LastDay, row.CalendarId, rules.RootElement.Clone(), row.DailyReportDue,
            row.IncidentAckMinutes, row.Version, row.CreatedAt, row.RequiresApproval, row.SubmissionDue);
    }
}
