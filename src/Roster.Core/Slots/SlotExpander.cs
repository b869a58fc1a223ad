using NodaTime;
using NodaTime.TimeZones;
using Roster.Core.Calendars;
using Roster.Core.Model;

namespace Roster.Core.Slots;

/// <summary>Turns a shift pattern and a holiday calendar into the concrete slots of a unit for a period.</summary>
public static class SlotExpander
{
    /// <summary>
    /// How generated slots map local times to instants (the same as NodaTime's lenient resolver, spelled out):
    /// a skipped local time (spring forward) moves forward by the gap, 02:30 → 03:30; an ambiguous one (fall back) takes
    /// the earlier offset, i.e. the first time the clock shows it. User input is resolved strictly elsewhere.
    /// </summary>
    public static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);

    /// <summary>
    /// The slots of <paramref name="unitId"/> for every date of <paramref name="period"/> (a <see cref="DateInterval"/>,
    /// inclusive of both ends), ordered by date, shift start time, shift code, role (leader, staff, then others by code)
    /// and index.
    /// </summary>
    /// <remarks>
    /// Start = duty date + shift start, resolved with <see cref="Resolver"/>. End = the local start plus the shift's
    /// length as a local-clock period, resolved the same way: a 08:00 24-hour shift ends at 08:00 the next day, so across
    /// spring forward it lasts 23 h and across fall back 25 h, and a 08:00–20:00 day shift is 08:00–20:00 on any day.
    /// A shift that lies entirely in a skipped hour has no real time and yields no slot.
    /// </remarks>
    public static IReadOnlyList<ShiftSlot> Expand(
        string unitId, DateTimeZone zone, DateInterval period, ShiftPattern pattern, HolidayCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitId);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(calendar);

        var slots = new List<ShiftSlot>();
        foreach (var date in period)
        {
            var dayType = calendar.DayTypeOf(date);
            foreach (var shift in pattern.ShiftsFor(dayType))
            {
                var localStart = date + shift.Start;
                var start = zone.ResolveLocal(localStart, Resolver);
                var end = zone.ResolveLocal(localStart + shift.ClockLength, Resolver);
                if (end.ToInstant() <= start.ToInstant())
                {
                    continue;
                }

                foreach (var (role, count) in shift.HeadCount.OrderBy(r => RoleRank(r.Key)).ThenBy(r => r.Key, StringComparer.Ordinal))
                {
                    for (var index = 0; index < count; index++)
                    {
                        slots.Add(new ShiftSlot(
                            unitId, shift.Code, date, dayType, role, index,
                            start.ToInstant(), end.ToInstant(), start.LocalDateTime, end.LocalDateTime));
                    }
                }
            }
        }

        return slots;
    }

    private static int RoleRank(string role) => role switch
    {
        DutyRoles.Leader => 0,
        DutyRoles.Staff => 1,
        _ => 2,
    };
}
