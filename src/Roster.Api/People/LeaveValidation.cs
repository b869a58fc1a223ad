using Roster.Api.Problems;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>Checks a leave request field by field.</summary>
internal static class LeaveValidation
{
    private static readonly string[] Kinds = ["leave", "day_off"];
    private static readonly string[] Statuses = ["requested", "approved", "rejected", "cancelled"];

    /// <summary>At most a year of leave in one entry: longer absences are deactivation, not leave.</summary>
    private const int MaxDays = 366;

    public static LeaveRow Validate(LeaveRequest request, FieldErrors errors)
    {
        var first = errors.Required("firstDay", request.FirstDay);
        var last = errors.Required("lastDay", request.LastDay);
        if (request.FirstDay is not null && request.LastDay is not null)
        {
            if (last < first)
            {
                errors.Add("lastDay", "must not be before firstDay");
            }
            else if (NodaTime.Period.DaysBetween(first, last) >= MaxDays)
            {
                errors.Add("lastDay", $"must be within {MaxDays} days of firstDay");
            }
        }

        var kind = request.Kind ?? "leave";
        if (!Kinds.Contains(kind))
        {
            errors.Add("kind", "must be leave or day_off");
        }

        var status = request.Status ?? "approved";
        if (!Statuses.Contains(status))
        {
            errors.Add("status", "must be requested, approved, rejected or cancelled");
        }

        var reason = errors.OptionalText("reason", request.Reason, 500);
        return new LeaveRow { FirstDay = first, LastDay = last, Kind = kind, Status = status, Reason = reason };
    }
}
