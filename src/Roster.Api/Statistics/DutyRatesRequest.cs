namespace Roster.Api.Statistics;

/// <summary>The rates of a unit (for its subtree) or of a period, by day type; a day type left out is worth nothing.</summary>
public sealed record DutyRatesRequest(
    DayTypeRateRequest? Workday, DayTypeRateRequest? Weekend, DayTypeRateRequest? Holiday, DayTypeRateRequest? MakeUpWorkday);
