using NodaTime;
using Roster.Api.Problems;

namespace Roster.Api.Periods;

/// <summary>Checks a period request field by field.</summary>
internal static class PeriodValidation
{
    /// <summary>A critical period is weeks, not years: at most 366 days.</summary>
    public const int MaxDays = 366;

    public static (string Name, LocalDate First, LocalDate Last, string Rules) Validate(PeriodRequest request, FieldErrors errors, FieldErrors ruleErrors)
    {
        var name = errors.Text("name", request.Name);
        var first = errors.Required("firstDay", request.FirstDay);
        var last = errors.Required("lastDay", request.LastDay);
        if (request.FirstDay is not null && request.LastDay is not null)
        {
            if (last < first)
            {
                errors.Add("lastDay", "must not be before firstDay");
            }
            else if (Period.DaysBetween(first, last) >= MaxDays)
            {
                errors.Add("lastDay", $"must be within {MaxDays} days of firstDay");
            }
        }

        if (request.IncidentAckMinutes is < 1 or > 1440)
        {
            errors.Add("incidentAckMinutes", "must be from 1 to 1440");
        }

        var rules = RuleSetValidation.Validate(request.Rules, errors, ruleErrors);
        return (name, first, last, rules);
    }
}
