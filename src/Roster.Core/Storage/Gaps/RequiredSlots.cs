using System.Text.Json;
using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Model;
using Roster.Core.Slots;
using Roster.Core.Storage.Calendars;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Gaps;

/// <summary>
/// Turns a stored period, its shifts and calendar, and a unit into that unit's required slots: none when the unit keeps
/// no roster in the period (<see cref="RosteredUnits"/>).
/// </summary>
public static class RequiredSlots
{
    public static async Task<(IReadOnlyList<ShiftSlot> Slots, HolidayCalendar Calendar)> ExpandAsync(
        DbWork work, PeriodRow period, UnitRow unit, DateInterval range, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(unit);
        var keepsRoster = await RosteredUnits.KeepsRosterAsync(work, period.Id, unit.Id, ct);
        var shifts = await ShiftStore.AllAsync(work, period.Id, ct);
        var calendarRow = await CalendarStore.FindAsync(work, period.CalendarId, ct)
            ?? throw new InvalidOperationException($"Calendar {period.CalendarId} of period {period.Id} is missing.");
        var calendar = HolidayCalendar.FromJson(calendarRow.Document);
        var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
        if (!keepsRoster)
        {
            return ([], calendar);
        }

        var pattern = Pattern(shifts);
        return (SlotExpander.Expand(unit.Id.ToString(), zone, range, pattern, calendar), calendar);
    }

    /// <summary>The unit's standby (备班) slots: one per standby person a shift asks for, keyed like duty slots
    /// (date/shift/role/index); none when the unit keeps no roster in the period or no shift asks for standby.</summary>
    public static async Task<IReadOnlyList<ShiftSlot>> ExpandStandbyAsync(DbWork work, PeriodRow period, UnitRow unit, DateInterval range, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(unit);
        var shifts = await ShiftStore.AllAsync(work, period.Id, ct);
        if (shifts.All(s => s.Standby is "{}" or "") || !await RosteredUnits.KeepsRosterAsync(work, period.Id, unit.Id, ct))
        {
            return [];
        }

        var calendarRow = await CalendarStore.FindAsync(work, period.CalendarId, ct)
            ?? throw new InvalidOperationException($"Calendar {period.CalendarId} of period {period.Id} is missing.");
        var pattern = new ShiftPattern(shifts.Select(s => ToDefinition(s, s.Standby)));
        return SlotExpander.Expand(unit.Id.ToString(), DateTimeZoneProviders.Tzdb[unit.TimeZone], range, pattern, HolidayCalendar.FromJson(calendarRow.Document));
    }

    /// <summary>The shift pattern of a period's stored shifts.</summary>
    public static ShiftPattern Pattern(IEnumerable<ShiftRow> shifts) => new(shifts.Select(s => ToDefinition(s, s.Headcount)));

    /// <summary>The dates of [from, to] that fall in the period, or null when none do.</summary>
    public static DateInterval? Clip(PeriodRow period, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(period);
        var first = from > period.FirstDay ? from : period.FirstDay;
        var last = to < period.LastDay ? to : period.LastDay;
        return first <= last ? new DateInterval(first, last) : null;
    }

    private static ShiftDefinition ToDefinition(ShiftRow row, string counts) => new(
        row.Code,
        row.Name,
        string.IsNullOrEmpty(row.NameEn) ? row.Name : row.NameEn,
        row.StartsAt,
        row.Length.ToDuration(),
        JsonSerializer.Deserialize<Dictionary<string, int>>(counts) ?? [],
        row.DayTypes.Select(ToDayType));

    private static DayType ToDayType(string code) => code switch
    {
        "workday" => DayType.Workday,
        "weekend" => DayType.Weekend,
        "holiday" => DayType.Holiday,
        _ => throw new InvalidOperationException($"Unknown stored day type '{code}'."),
    };
}
