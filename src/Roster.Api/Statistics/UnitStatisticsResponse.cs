namespace Roster.Api.Statistics;

/// <summary>
/// One unit in the range: its duties and their worth, coverage (filled of required slots; null when none were
/// required), gaps by kind, daily reports, incidents and spot-check outcomes.
/// </summary>
public sealed record UnitStatisticsResponse(
    Guid UnitId,
    string Name,
    string? NameEn,
    int Duties,
    decimal Hours,
    int RequiredSlots,
    int FilledSlots,
    decimal? CoveragePercent,
    GapCounts Gaps,
    ReportCounts Reports,
    int Incidents,
    SpotCheckCounts SpotChecks,
    decimal Allowance,
    decimal CompensatoryHours);
