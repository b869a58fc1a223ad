using Roster.Core.Statistics;

namespace Roster.Api.Statistics;

/// <summary>What a duty on one day type is worth: allowance (值班补贴) in CNY and compensatory time off (补休) in hours.</summary>
public sealed record DayTypeRateResponse(decimal Allowance, decimal CompensatoryHours)
{
    public static DayTypeRateResponse From(DutyRate rate) => new(rate.Allowance, rate.CompensatoryHours);
}
