using System.Text.Json;
using NodaTime;
using Roster.Api.Problems;
using Roster.Core.Oversight;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>Checks a shift request field by field.</summary>
internal static class ShiftValidation
{
    public static readonly string[] DayTypeCodes = ["workday", "weekend", "holiday"];

    /// <summary>The longest shift accepted: two days.</summary>
    public static readonly Duration MaxLength = Duration.FromHours(48);

    public static ShiftRow Validate(ShiftRequest request, FieldErrors errors)
    {
        var code = errors.Text("code", request.Code, 16);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("code", "may contain only letters, digits, '-' and '_'");
        }

        var name = errors.Text("name", request.Name, 100);
        var nameEn = errors.OptionalText("nameEn", request.NameEn, 100);
        var dayTypes = request.DayTypes ?? DayTypeCodes;
        if (dayTypes.Count == 0 || dayTypes.Any(d => !DayTypeCodes.Contains(d)))
        {
            errors.Add("dayTypes", "must list one or more of workday, weekend, holiday");
        }

        var startsAt = errors.Required("startsAt", request.StartsAt);
        var length = errors.Required("length", request.Length);
        if (request.Length is not null && (length <= Duration.Zero || length > MaxLength))
        {
            errors.Add("length", "must be more than zero and at most PT48H");
        }
        else if (request.Length is not null && length.SubsecondTicks != 0)
        {
            errors.Add("length", "must be whole seconds");
        }

        var headcount = Headcount(request.Headcount, errors);
        foreach (var (role, presence) in request.Presence ?? new Dictionary<string, string>())
        {
            if (!headcount.ContainsKey(role))
            {
                errors.Add("presence", $"role '{Shorten(role)}' is not in headcount");
            }
            else if (!DutyPresence.IsKnown(presence))
            {
                errors.Add($"presence.{role}", "must be on_site or reachable");
            }
        }

        var standby = Standby(request.Standby, headcount, errors);
        return new ShiftRow
        {
            Code = code, Name = name, NameEn = nameEn, DayTypes = dayTypes.Distinct().ToArray(), StartsAt = startsAt,
            Length = Period.FromSeconds((long)length.TotalSeconds).Normalize(), Headcount = JsonSerializer.Serialize(headcount),
            Presence = JsonSerializer.Serialize(request.Presence ?? new Dictionary<string, string>()),
            Standby = JsonSerializer.Serialize(standby),
        };
    }

    /// <summary>At most this many people of one role on one shift.</summary>
    public const int MaxPerRole = 20;

    /// <summary>At most this many people on one shift, all roles together.</summary>
    public const int MaxPerShift = 30;

    /// <summary>At most this many roles on one shift.</summary>
    public const int MaxRoles = 8;

    /// <summary>At most this many shifts in one period; with <see cref="MaxPerShift"/> it bounds the slots one unit's period can expand to.</summary>
    public const int MaxShiftsPerPeriod = 12;

    private static Dictionary<string, int> Headcount(IReadOnlyDictionary<string, int>? headcount, FieldErrors errors)
    {
        if (headcount is null || headcount.Count == 0)
        {
            errors.Add("headcount", "is required: duty role → number of people, e.g. {\"leader\": 1}");
            return [];
        }

        foreach (var (role, count) in headcount)
        {
            if (role.Length is 0 or > 32 || !role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                errors.Add("headcount", $"role '{Shorten(role)}' must be a code of lower-case letters, digits, '-' or '_'");
            }
            else if (count is < 0 or > MaxPerRole)
            {
                errors.Add($"headcount.{role}", $"must be from 0 to {MaxPerRole}");
            }
        }

        if (headcount.Count > MaxRoles)
        {
            errors.Add("headcount", $"must name at most {MaxRoles} roles");
        }
        else if (headcount.Values.Where(c => c > 0).Sum(c => (long)c) > MaxPerShift)
        {
            errors.Add("headcount", $"must need at most {MaxPerShift} people in all");
        }

        if (headcount.Values.All(c => c <= 0))
        {
            errors.Add("headcount", "must need at least one person");
        }

        return headcount.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
    }

    /// <summary>Standby people per role: only roles of the head-count, 0 to <see cref="MaxPerRole"/>; zero counts are dropped.</summary>
    private static Dictionary<string, int> Standby(IReadOnlyDictionary<string, int>? standby, Dictionary<string, int> headcount, FieldErrors errors)
    {
        foreach (var (role, count) in standby ?? new Dictionary<string, int>())
        {
            if (!headcount.ContainsKey(role))
            {
                errors.Add("standby", $"role '{Shorten(role)}' is not in headcount");
            }
            else if (count is < 0 or > MaxPerRole)
            {
                errors.Add($"standby.{role}", $"must be from 0 to {MaxPerRole}");
            }
        }

        return (standby ?? new Dictionary<string, int>()).Where(s => s.Value > 0).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
