using NodaTime;
using Roster.Core.Storage.Duty;

namespace Roster.Api.DailyReports;

/// <summary>A filed daily report: when it was due and whether it came late.</summary>
public sealed record DailyReportResponse(
    Guid Id, Guid UnitId, Guid PeriodId, LocalDate Day, bool NothingToReport, string? Body, Guid FiledBy, Instant FiledAt, Instant DueAt, bool Late)
{
    public static DailyReportResponse From(DailyReportRow r) =>
        new(r.Id, r.UnitId, r.PeriodId, r.Day, r.NothingToReport, r.Body, r.FiledBy, r.FiledAt, r.DueAt, r.Late);
}
