using NodaTime;
using Roster.Api.Problems;
using Roster.Core.Leave;
using Roster.Core.Model;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>Checks a leave request field by field.</summary>
internal static class LeaveValidation
{
    public static readonly string[] Kinds = ["leave", "day_off", "compensatory"];

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
            else if (NodaTime.Period.DaysBetween(first, last) >= LeaveRules.MaxDays)
            {
                errors.Add("lastDay", $"must be within {LeaveRules.MaxDays} days of firstDay");
            }
        }

        var kind = request.Kind ?? "leave";
        if (!Kinds.Contains(kind))
        {
            errors.Add("kind", "must be leave, day_off or compensatory");
        }

        var hours = Hours(request, kind, first, last, errors);

        if (StateCodes.Find<LeaveStatus>(request.Status ?? LeaveStatus.Approved.Code) is not { } status)
        {
            status = LeaveStatus.Approved;
            errors.Add("status", "must be requested, approved, rejected or cancelled");
        }

        var reason = errors.OptionalText("reason", request.Reason, 500);
        return new LeaveRow { FirstDay = first, LastDay = last, Kind = kind, Status = status, Reason = reason, Hours = hours };
    }

    /// <summary>Compensatory leave spends hours: as given (at most a working day per day of leave), else a working day per day.</summary>
    private static decimal? Hours(LeaveRequest request, string kind, LocalDate first, LocalDate last, FieldErrors errors)
    {
        if (kind != "compensatory")
        {
            if (request.Hours is not null)
            {
                errors.Add("hours", "is only for compensatory leave");
            }

            return null;
        }

        var most = LeaveRules.MostCompensatoryHours(first, last);
        if (request.Hours is not { } hours)
        {
            return most;
        }

        if (hours <= 0 || hours > most || decimal.Round(hours, 2) != hours)
        {
            errors.Add("hours", $"must be more than 0 and at most {most} (8 per day), in hundredths at most");
        }

        return hours;
    }
}
