using System.Globalization;
using Roster.Core.Calendars;
using Roster.Core.Storage;
using Roster.Core.Storage.Calendars;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>What a period lacks before a roster can be trusted: a year of its dates that its holiday calendar does not cover.</summary>
internal static class PeriodWarnings
{
    public static async Task<IReadOnlyList<PeriodWarning>> ForAsync(DbWork work, PeriodRow period, CancellationToken ct)
    {
        var calendar = await CalendarStore.FindAsync(work, period.CalendarId, ct);
        if (calendar is null)
        {
            return [];
        }

        var years = HolidayCalendarDocument.FromJson(calendar.Document).Years.Keys.ToHashSet(StringComparer.Ordinal);
        return [.. Enumerable.Range(period.FirstDay.Year, period.LastDay.Year - period.FirstDay.Year + 1)
            .Where(y => !years.Contains(y.ToString(CultureInfo.InvariantCulture)))
            .Select(y => new PeriodWarning(
                "holidays-not-loaded", y,
                $"{y}年节假日未加载：该年按普通工作日和周末排班，请在日历中载入国务院公布的放假安排。",
                $"{y} holidays not loaded: the year is rostered as plain workdays and weekends; load the official dates into the calendar."))];
    }
}
