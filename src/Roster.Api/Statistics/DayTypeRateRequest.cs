namespace Roster.Api.Statistics;

/// <summary>What a duty on one day type is worth: allowance (值班补贴) in CNY and compensatory time off (补休) in hours; absent is 0.</summary>
public sealed record DayTypeRateRequest(decimal? Allowance, decimal? CompensatoryHours);
