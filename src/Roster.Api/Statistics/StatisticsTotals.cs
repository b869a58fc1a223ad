namespace Roster.Api.Statistics;

/// <summary>The sums of a report's rows: duties, hours, allowance (CNY) and compensatory time off (hours).</summary>
public sealed record StatisticsTotals(int Duties, decimal Hours, decimal Allowance, decimal CompensatoryHours)
{
    public static StatisticsTotals Of(IReadOnlyList<PersonStatisticsResponse> people) => new(
        people.Sum(p => p.Duties), people.Sum(p => p.Hours), people.Sum(p => p.Allowance), people.Sum(p => p.CompensatoryHours));
}
