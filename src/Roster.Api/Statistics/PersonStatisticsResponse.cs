namespace Roster.Api.Statistics;

/// <summary>
/// One person's duties in the range (dates of the duties, both ends included): by day type and shift, hours, night
/// duties, days standing by (备班), check-ins, swaps, and what they are worth by the rate cards (allowance in CNY, compensatory time in hours).
/// </summary>
public sealed record PersonStatisticsResponse(
    Guid PersonId,
    string Name,
    Guid UnitId,
    string UnitName,
    int Duties,
    DayTypeCounts ByDayType,
    IReadOnlyList<ShiftCount> ByShift,
    decimal Hours,
    int NightDuties,
    int StandbyDays,
    CheckInCounts CheckIns,
    SwapCounts Swaps,
    decimal Allowance,
    decimal CompensatoryHours);
