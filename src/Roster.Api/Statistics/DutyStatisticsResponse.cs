using NodaTime;

namespace Roster.Api.Statistics;

/// <summary>
/// Duty statistics (值班统计) of a unit's subtree from <c>from</c> to <c>to</c> (both included): <c>people</c> when grouped
/// by person, <c>units</c> when grouped by unit. Amounts are in <c>currency</c> (CNY).
/// </summary>
public sealed record DutyStatisticsResponse(
    Guid UnitId,
    LocalDate From,
    LocalDate To,
    string GroupBy,
    string Currency,
    IReadOnlyList<PersonStatisticsResponse>? People,
    IReadOnlyList<UnitStatisticsResponse>? Units);
