namespace Roster.Api.Statistics;

/// <summary>How duty statistics are grouped: one row per person or one per unit.</summary>
internal static class StatisticsGrouping
{
    public const string Person = "person";

    public const string Unit = "unit";

    public static readonly string[] All = [Person, Unit];

    public const string Currency = "CNY";
}
