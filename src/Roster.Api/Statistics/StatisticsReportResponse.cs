using NodaTime;

namespace Roster.Api.Statistics;

/// <summary>
/// The monthly duty statistics of a unit's subtree for finance (值班统计月报). <c>draft</c>: the figures as they are now;
/// <c>confirmed</c>: the figures as the unit's administrator confirmed them, frozen, with every change since listed
/// under <c>corrections</c>.
/// </summary>
public sealed record StatisticsReportResponse(
    Guid UnitId,
    string UnitName,
    string Month,
    LocalDate From,
    LocalDate To,
    string State,
    string Currency,
    Instant? ConfirmedAt,
    Guid? ConfirmedBy,
    IReadOnlyList<PersonStatisticsResponse> People,
    StatisticsTotals Totals,
    IReadOnlyList<StatisticsCorrection> Corrections);
