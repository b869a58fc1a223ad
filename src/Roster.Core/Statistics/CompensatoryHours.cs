namespace Roster.Core.Statistics;

/// <summary>Compensatory time off (补休) is kept in hours; a day of it, when a request gives no hours, is a working day.</summary>
public static class CompensatoryHours
{
    public const decimal PerDay = 8m;
}
