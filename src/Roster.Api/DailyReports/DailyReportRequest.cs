using NodaTime;

namespace Roster.Api.DailyReports;

/// <summary>A unit's report for one day of the period; <c>nothingToReport</c> (零报告) counts as a report.</summary>
public sealed record DailyReportRequest(LocalDate? Day, bool? NothingToReport, string? Body);
