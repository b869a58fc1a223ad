using System.Text.Json;
using NodaTime;
using Roster.Api.Problems;
using Roster.Core.Storage.Inspections;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Inspections;

/// <summary>Checks a requirement: malformed fields into <c>errors</c> (400), fields against the period into <c>ruleErrors</c> (422).</summary>
internal static class RequirementValidation
{
    public static RequirementRow Validate(
        RequirementRequest request, PeriodRow period, IReadOnlyCollection<string> shiftCodes, FieldErrors errors, FieldErrors ruleErrors)
    {
        var kind = errors.Text("kind", request.Kind, 50);
        var title = errors.OptionalText("title", request.Title) ?? kind;
        var checklist = new List<string>();
        if (request.Checklist is null || request.Checklist.Count is 0 or > 50)
        {
            errors.Add("checklist", "must list 1 to 50 items");
        }
        else
        {
            for (var i = 0; i < request.Checklist.Count; i++)
            {
                checklist.Add(errors.Text($"checklist[{i}]", request.Checklist[i]));
            }

            if (checklist.Distinct(StringComparer.Ordinal).Count() != checklist.Count)
            {
                errors.Add("checklist", "must not repeat an item");
            }
        }

        var patrol = errors.OptionalText("patrolShift", request.PatrolShift, 16);
        var minCount = patrol is null ? errors.Required("minCount", request.MinCount) : request.MinCount ?? 0;
        if (minCount is < 0 or > 100)
        {
            errors.Add("minCount", "must be from 0 to 100");
        }

        var leadDays = request.LeadDays ?? 2;
        if (leadDays is < 0 or > 60)
        {
            errors.Add("leadDays", "must be from 0 to 60");
        }

        var first = errors.Required("windowFirst", request.WindowFirst);
        var last = errors.Required("windowLast", request.WindowLast);
        if (request.WindowFirst is not null && request.WindowLast is not null && last < first)
        {
            errors.Add("windowLast", "must not be before windowFirst");
        }
        else if (request.WindowFirst is not null && request.WindowLast is not null)
        {
            if (first < period.FirstDay || first > period.LastDay)
            {
                ruleErrors.Add("windowFirst", $"must be within the period {period.FirstDay:yyyy-MM-dd}…{period.LastDay:yyyy-MM-dd}");
            }

            if (last > period.LastDay || last < period.FirstDay)
            {
                ruleErrors.Add("windowLast", $"must be within the period {period.FirstDay:yyyy-MM-dd}…{period.LastDay:yyyy-MM-dd}");
            }

            // Inspections are spread one a day: a minimum above the window's days cannot be met that way.
            var days = Period.DaysBetween(first, last) + 1;
            if (minCount > days)
            {
                ruleErrors.Add("minCount", $"cannot fit the window: at most one inspection a day, and the window has {days} days");
            }
        }

        if (patrol is not null && !shiftCodes.Contains(patrol))
        {
            ruleErrors.Add("patrolShift", "is not a shift of the period");
        }

        return new RequirementRow
        {
            PeriodId = period.Id, UnitId = request.UnitId, Kind = kind, Title = title, Checklist = JsonSerializer.Serialize(checklist),
            MinCount = minCount, WindowFirst = first, WindowLast = last, PatrolShift = patrol, LeadDays = leadDays,
        };
    }
}
