using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Calendars;
using Roster.Core.Storage;
using Roster.Core.Storage.Calendars;

namespace Roster.Api.Calendars;

/// <summary>Which calendars a caller may use: the built-in ones and those of the units related to them.</summary>
internal static class CalendarAccess
{
    public static async Task<CalendarRow?> FindVisibleAsync(DbWork work, Guid id, AccessScope access, CancellationToken ct)
    {
        var calendar = await CalendarStore.FindAsync(work, id, ct);
        if (calendar is null)
        {
            return null;
        }

        return calendar.UnitId is not { } owner || (await access.RelatedAsync(work, ct)).Contains(owner)
            ? calendar
            : null;
    }

    /// <summary>The calendar to use: the one asked for when the caller may see it, else the built-in mainland China one.</summary>
    public static async Task<Guid> ResolveAsync(DbWork work, Guid? requested, AccessScope access, FieldErrors errors, CancellationToken ct)
    {
        if (requested is { } id)
        {
            if (await FindVisibleAsync(work, id, access, ct) is null)
            {
                errors.Add("calendarId", "is not a calendar you can use");
            }

            return id;
        }

        var builtin = await CalendarStore.FindByCodeAsync(work, HolidayCalendars.ChinaMainland.Id, ct);
        if (builtin is null)
        {
            errors.Add("calendarId", "is required: the built-in calendar is not installed");
            return Guid.Empty;
        }

        return builtin.Id;
    }
}
