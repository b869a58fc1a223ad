using NodaTime;
using Roster.Core.Model;
using Roster.Core.Slots;

namespace Roster.Core.Tests.Slots;

public sealed class SlotTests
{
    private static ShiftSlot At(int startHour, int hours)
    {
        var localStart = new LocalDateTime(2026, 3, 10, 0, 0).PlusHours(startHour);
        var localEnd = localStart.PlusHours(hours);
        var utc = DateTimeZone.Utc;
        return new ShiftSlot(
            "unit-1", "X", localStart.Date, DayType.Workday, DutyRoles.Staff, 0,
            localStart.InZoneStrictly(utc).ToInstant(), localEnd.InZoneStrictly(utc).ToInstant(), localStart, localEnd);
    }

    [Theory]
    [InlineData(8, 12, false)] // 08:00–20:00
    [InlineData(6, 16, false)] // 06:00–22:00 touches both window ends, half-open
    [InlineData(20, 12, true)] // 20:00–08:00
    [InlineData(21, 2, true)] // 21:00–23:00
    [InlineData(5, 2, true)] // 05:00–07:00, the tail of the previous night
    [InlineData(8, 24, true)] // 24-hour shift
    public void IsNight_LocalTimes_OverlapWith2200To0600(int startHour, int hours, bool expected)
    {
        Assert.Equal(expected, At(startHour, hours).IsNight);
    }

    [Fact]
    public void Key_Slot_IsDateShiftRoleIndex()
    {
        var slot = At(8, 24) with { Date = new LocalDate(2026, 12, 31), ShiftCode = "L24", Role = DutyRoles.Leader };

        Assert.Equal("2026-12-31/L24/leader/0", slot.Key);
    }
}
