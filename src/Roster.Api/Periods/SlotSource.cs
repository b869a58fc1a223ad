using System.Text.Json;
using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Model;
using Roster.Core.Slots;
using Roster.Core.Storage;
using Roster.Core.Storage.Calendars;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Periods;

/// <summary>Turns a stored period, its shifts and calendar, and a unit into that unit's concrete slots.</summary>
internal static class SlotSource
{
    public static async Task<(IReadOnlyList<Slot> Slots, HolidayCalendar Calendar)> ExpandAsync(
        DbWork work, PeriodRow period, UnitRow unit, DateInterval range, CancellationToken ct)
    {
        var shifts = await ShiftStore.AllAsync(work, period.Id, ct).ConfigureAwait(false);
        var calendarRow = await CalendarStore.FindAsync(work, period.CalendarId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Calendar {period.CalendarId} of period {period.Id} is missing.");
        var calendar = HolidayCalendar.FromJson(calendarRow.Document);
        var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
        var pattern = new ShiftPattern(shifts.Select(ToDefinition));
        return (SlotExpander.Expand(unit.Id.ToString(), zone, range, pattern, calendar), calendar);
    }

    private static ShiftDefinition ToDefinition(ShiftRow row) => new(
        row.Code,
        row.Name,
        string.IsNullOrEmpty(row.NameEn) ? row.Name : row.NameEn,
        row.StartsAt,
        row.Length.ToDuration(),
        JsonSerializer.Deserialize<Dictionary<string, int>>(row.Headcount) ?? [],
        row.DayTypes.Select(ToDayType));

    private static DayType ToDayType(string code) => code switch
    {
        "workday" => DayType.Workday,
        "weekend" => DayType.Weekend,
        "holiday" => DayType.Holiday,
        _ => throw new InvalidOperationException($"Unknown stored day type '{code}'."),
    };
}
