using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Model;
using Roster.Core.Slots;

namespace Roster.Core.Tests.Slots;

public sealed class SlotExpanderTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly HolidayCalendar China = HolidayCalendars.ChinaMainland;

    private static IReadOnlyList<ShiftSlot> Expand(DateTimeZone zone, LocalDate from, LocalDate to, params ShiftDefinition[] shifts) =>
        SlotExpander.Expand("unit-1", zone, new DateInterval(from, to), new ShiftPattern(shifts), China);

    [Fact]
    public void Expand_24HourShiftAcrossSpringForwardInNewYork_Lasts23Hours()
    {
        // Clocks jump 2026-03-08 02:00 EST → 03:00 EDT, inside the shift of 03-07 08:00 … 03-08 08:00.
        var slot = Assert.Single(Expand(NewYork, new LocalDate(2026, 3, 7), new LocalDate(2026, 3, 7), Shifts.Full24()));

        Assert.Equal(Duration.FromHours(23), slot.Length);
        Assert.Equal(Instant.FromUtc(2026, 3, 7, 13, 0), slot.Start); // 08:00 EST (−5)
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 12, 0), slot.End); // 08:00 EDT (−4)
        Assert.Equal(new LocalDateTime(2026, 3, 8, 8, 0), slot.LocalEnd);
    }

    [Fact]
    public void Expand_24HourShiftAcrossFallBackInNewYork_Lasts25Hours()
    {
        // Clocks fall back 2026-11-01 02:00 EDT → 01:00 EST, inside the shift of 10-31 08:00 … 11-01 08:00.
        var slot = Assert.Single(Expand(NewYork, new LocalDate(2026, 10, 31), new LocalDate(2026, 10, 31), Shifts.Full24()));

        Assert.Equal(Duration.FromHours(25), slot.Length);
        Assert.Equal(Instant.FromUtc(2026, 10, 31, 12, 0), slot.Start); // 08:00 EDT (−4)
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 13, 0), slot.End); // 08:00 EST (−5)
    }

    [Fact]
    public void Expand_24HourShiftStartingAfterTheChange_Lasts24Hours()
    {
        // The 08:00 shift of 2026-03-08 starts after that night's 02:00 jump, so it crosses no change.
        var slot = Assert.Single(Expand(NewYork, new LocalDate(2026, 3, 8), new LocalDate(2026, 3, 8), Shifts.Full24()));

        Assert.Equal(Duration.FromHours(24), slot.Length);
    }

    [Fact]
    public void Expand_NightShiftsAcrossBothChangesInNewYork_Last11And13Hours()
    {
        var spring = Assert.Single(Expand(NewYork, new LocalDate(2026, 3, 7), new LocalDate(2026, 3, 7), Shifts.Night()));
        var fall = Assert.Single(Expand(NewYork, new LocalDate(2026, 10, 31), new LocalDate(2026, 10, 31), Shifts.Night()));

        Assert.Equal(Duration.FromHours(11), spring.Length);
        Assert.Equal(new LocalDateTime(2026, 3, 8, 8, 0), spring.LocalEnd);
        Assert.Equal(Duration.FromHours(13), fall.Length);
        Assert.Equal(new LocalDateTime(2026, 11, 1, 8, 0), fall.LocalEnd);
        Assert.True(spring.IsNight);
        Assert.True(fall.IsNight);
    }

    [Fact]
    public void Expand_DayShiftOnDstChangeDays_Keeps0800To2000LocalClock()
    {
        var slots = Expand(NewYork, new LocalDate(2026, 3, 8), new LocalDate(2026, 3, 8), Shifts.Day())
            .Concat(Expand(NewYork, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 1), Shifts.Day()));

        Assert.All(slots, slot =>
        {
            Assert.Equal(new LocalTime(8, 0), slot.LocalStart.TimeOfDay);
            Assert.Equal(new LocalTime(20, 0), slot.LocalEnd.TimeOfDay);
            Assert.Equal(Duration.FromHours(12), slot.Length);
            Assert.False(slot.IsNight);
        });
    }

    [Fact]
    public void Expand_ShiftStartingInSkippedHour_IsShiftedForward()
    {
        var early = new ShiftDefinition(
            "E", "早班", "Early shift", new LocalTime(2, 30), Duration.FromHours(4),
            new Dictionary<string, int> { [DutyRoles.Staff] = 1 }, Shifts.EveryDay);

        var slot = Assert.Single(Expand(NewYork, new LocalDate(2026, 3, 8), new LocalDate(2026, 3, 8), early));

        Assert.Equal(new LocalDateTime(2026, 3, 8, 3, 30), slot.LocalStart);
        Assert.Equal(new LocalDateTime(2026, 3, 8, 6, 30), slot.LocalEnd);
        Assert.Equal(Duration.FromHours(3), slot.Length);
    }

    [Fact]
    public void Expand_ShiftEntirelyInSkippedHour_YieldsNoSlot()
    {
        // 02:30–03:00 does not exist on 2026-03-08 in New York; the shift has no real time to cover.
        var ghost = new ShiftDefinition(
            "G", "短班", "Short shift", new LocalTime(2, 30), Duration.FromMinutes(30),
            new Dictionary<string, int> { [DutyRoles.Staff] = 1 }, Shifts.EveryDay);

        Assert.Empty(Expand(NewYork, new LocalDate(2026, 3, 8), new LocalDate(2026, 3, 8), ghost));
        Assert.Single(Expand(NewYork, new LocalDate(2026, 3, 9), new LocalDate(2026, 3, 9), ghost));
    }

    [Fact]
    public void Expand_ShiftStartingInRepeatedHour_TakesEarlierOffset()
    {
        var early = new ShiftDefinition(
            "E", "早班", "Early shift", new LocalTime(1, 30), Duration.FromHours(4),
            new Dictionary<string, int> { [DutyRoles.Staff] = 1 }, Shifts.EveryDay);

        var slot = Assert.Single(Expand(NewYork, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 1), early));

        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), slot.Start); // 01:30 EDT, the first 01:30
        Assert.Equal(Duration.FromHours(5), slot.Length);
    }

    [Fact]
    public void Expand_24HourShiftInShanghai_Lasts24HoursEveryDay()
    {
        var slots = Expand(Shanghai, new LocalDate(2026, 3, 1), new LocalDate(2026, 11, 30), Shifts.Full24());

        Assert.Equal(275, slots.Count);
        Assert.All(slots, slot => Assert.Equal(Duration.FromHours(24), slot.Length));
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 0, 0), slots[0].Start); // 08:00 +08
    }

    [Fact]
    public void Expand_MakeUpWorkday_GetsWorkdayShifts()
    {
        // 2026-01-04 is a Sunday worked for 元旦.
        var slots = Expand(
            Shanghai, new LocalDate(2026, 1, 4), new LocalDate(2026, 1, 4),
            Shifts.Day(DayType.Workday), Shifts.Full24(DayType.Weekend, DayType.Holiday));

        var slot = Assert.Single(slots);
        Assert.Equal("D", slot.ShiftCode);
        Assert.Equal(DayType.MakeUpWorkday, slot.DayType);
    }

    [Fact]
    public void Expand_Holiday_GetsHolidayShifts()
    {
        // 2026-02-16, a Monday of 春节.
        var slots = Expand(
            Shanghai, new LocalDate(2026, 2, 16), new LocalDate(2026, 2, 16),
            Shifts.Day(DayType.Workday), Shifts.Full24(DayType.Holiday));

        var slot = Assert.Single(slots);
        Assert.Equal("L24", slot.ShiftCode);
        Assert.Equal(DayType.Holiday, slot.DayType);
    }

    [Fact]
    public void Expand_PeriodAcrossNewYear2026_UsesCalendarForEachDay()
    {
        // Inclusive period 2025-12-29 … 2026-01-05: 元旦 2026-01-01…03, make-up workday Sunday 2026-01-04.
        var slots = Expand(
            Shanghai, new LocalDate(2025, 12, 29), new LocalDate(2026, 1, 5),
            Shifts.Day(DayType.Workday), Shifts.Full24(DayType.Weekend, DayType.Holiday));

        Assert.Equal(
            [
                "2025-12-29/D/staff/0 Workday",
                "2025-12-30/D/staff/0 Workday",
                "2025-12-31/D/staff/0 Workday",
                "2026-01-01/L24/leader/0 Holiday",
                "2026-01-02/L24/leader/0 Holiday",
                "2026-01-03/L24/leader/0 Holiday",
                "2026-01-04/D/staff/0 MakeUpWorkday",
                "2026-01-05/D/staff/0 Workday",
            ],
            slots.Select(s => $"{s.Key} {s.DayType}"));
    }

    [Fact]
    public void Expand_HeadCountAboveOne_GivesIndexesLeaderFirst()
    {
        var shift = new ShiftDefinition(
            "L24", "24小时班", "24-hour shift", new LocalTime(8, 0), Duration.FromHours(24),
            new Dictionary<string, int> { ["gate"] = 1, [DutyRoles.Staff] = 2, [DutyRoles.Leader] = 1 }, Shifts.EveryDay);

        var slots = Expand(Shanghai, new LocalDate(2026, 12, 31), new LocalDate(2026, 12, 31), shift);

        Assert.Equal(
            ["2026-12-31/L24/leader/0", "2026-12-31/L24/staff/0", "2026-12-31/L24/staff/1", "2026-12-31/L24/gate/0"],
            slots.Select(s => s.Key));
        Assert.All(slots, s => Assert.Equal("unit-1", s.UnitId));
    }

    [Fact]
    public void Expand_DayAndNightShifts_AreBackToBackWithoutOverlap()
    {
        var slots = Expand(Shanghai, new LocalDate(2026, 3, 9), new LocalDate(2026, 3, 10), Shifts.Night(), Shifts.Day());

        Assert.Equal(["2026-03-09/D/staff/0", "2026-03-09/N/staff/0", "2026-03-10/D/staff/0", "2026-03-10/N/staff/0"], slots.Select(s => s.Key));
        for (var i = 1; i < slots.Count; i++)
        {
            // Half-open intervals: one ends exactly when the next starts.
            Assert.Equal(slots[i - 1].End, slots[i].Start);
            Assert.False(slots[i - 1].Interval.Contains(slots[i].Start));
        }
    }
}
