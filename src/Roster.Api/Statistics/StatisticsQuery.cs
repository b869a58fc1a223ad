using NodaTime;
using Roster.Api.Problems;

namespace Roster.Api.Statistics;

/// <summary>The query of a statistics request: a unit's subtree, dates from and to (both included) and the grouping.</summary>
internal sealed record StatisticsQuery(Guid UnitId, LocalDate From, LocalDate To, string GroupBy)
{
    /// <summary>The longest range: a year of days.</summary>
    public const int MaxDays = 366;

    public static StatisticsQuery? Parse(string? unit, string? from, string? to, string? groupBy, FieldErrors errors)
    {
        Guid unitId = default;
        if (unit is null || !Guid.TryParse(unit, out unitId))
        {
            errors.Add("unit", unit is null ? "is required" : "must be a unit id");
        }

        var first = errors.Required("from", QueryValues.Date(errors, "from", from));
        var last = errors.Required("to", QueryValues.Date(errors, "to", to));
        if (from is not null && to is not null && !errors.Any && last < first)
        {
            errors.Add("to", "must not be before from");
        }
        else if (!errors.Any && Period.DaysBetween(first, last) >= MaxDays)
        {
            errors.Add("to", $"must be within {MaxDays} days of from");
        }

        var grouping = groupBy ?? StatisticsGrouping.Person;
        if (!StatisticsGrouping.All.Contains(grouping))
        {
            errors.Add("groupBy", "must be person or unit");
        }

        return errors.Any ? null : new StatisticsQuery(unitId, first, last, grouping);
    }
}
