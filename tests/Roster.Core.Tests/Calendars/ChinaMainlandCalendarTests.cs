using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Model;

namespace Roster.Core.Tests.Calendars;

public sealed class ChinaMainlandCalendarTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendars.ChinaMainland;

    [Fact]
    public void DayTypeOf_EveryDate2022To2026_AgreesWithHolidayCnSource()
    {
        // 2021's file is read too in case a notice lists a day of the next year (2023's does: 元旦 2022-12-31).
        var source = HolidayCnSource.LoadDays(Enumerable.Range(2021, 6));
        var mismatches = new List<string>();
        var checkedDays = 0;
        foreach (var date in new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2026, 12, 31)))
        {
            var expected = source.TryGetValue(date, out var listed)
                ? listed.IsOffDay ? DayType.Holiday : MakeUpOrWorkday(date)
                : date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayType.Weekend : DayType.Workday;
            var actual = Calendar.DayTypeOf(date);
            if (actual != expected)
            {
                mismatches.Add($"{date:uuuu-MM-dd}: expected {expected}, got {actual}");
            }

            if (listed.IsOffDay && Calendar.HolidayOn(date)?.Name != listed.Name)
            {
                mismatches.Add($"{date:uuuu-MM-dd}: expected holiday {listed.Name}, got {Calendar.HolidayOn(date)?.Name ?? "none"}");
            }

            checkedDays++;
        }

        Assert.Equal(1826, checkedDays);
        Assert.Empty(mismatches);

        // The source lists make-up workdays only on weekends from 2021 on; a weekday entry would be a plain workday.
        static DayType MakeUpOrWorkday(LocalDate date) =>
            date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayType.MakeUpWorkday : DayType.Workday;
    }

    [Fact]
    public void CoveredYears_ShippedData_Are2022To2026()
    {
        Assert.Equal([2022, 2023, 2024, 2025, 2026], Calendar.CoveredYears);
        Assert.True(Calendar.Covers(new LocalDate(2026, 12, 31)));
        Assert.False(Calendar.Covers(new LocalDate(2027, 1, 1)));
    }

    [Fact]
    public void HolidayOn_NewYear2026_GivesBothNamesAndInclusiveRange()
    {
        var holiday = Calendar.HolidayOn(new LocalDate(2026, 1, 2));

        Assert.NotNull(holiday);
        Assert.Equal("元旦", holiday.Name);
        Assert.Equal("New Year's Day", holiday.NameEn);
        Assert.Equal(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 3)), holiday.Dates);
    }

    [Fact]
    public void HolidayOn_NewYear2023AcrossYears_IsOneHoliday()
    {
        var holiday = Calendar.HolidayOn(new LocalDate(2022, 12, 31));

        Assert.NotNull(holiday);
        Assert.Equal(new DateInterval(new LocalDate(2022, 12, 31), new LocalDate(2023, 1, 2)), holiday.Dates);
        Assert.Same(holiday, Calendar.HolidayOn(new LocalDate(2023, 1, 2)));
    }

    [Fact]
    public void HolidayOn_OrdinaryDay_IsNull()
    {
        Assert.Null(Calendar.HolidayOn(new LocalDate(2026, 3, 10)));
    }

    [Theory]
    [InlineData("2026-01-04", DayType.MakeUpWorkday)] // Sunday worked for 元旦
    [InlineData("2026-02-16", DayType.Holiday)] // 春节, a Monday
    [InlineData("2026-02-28", DayType.MakeUpWorkday)] // Saturday worked for 春节
    [InlineData("2026-03-07", DayType.Weekend)]
    [InlineData("2026-03-09", DayType.Workday)]
    [InlineData("2027-01-01", DayType.Workday)] // not covered yet: ordinary week (a Friday)
    public void DayTypeOf_KnownDates_AreClassified(string date, DayType expected)
    {
        Assert.Equal(expected, Calendar.DayTypeOf(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value));
    }

    [Fact]
    public void ChinaMainland_ReadTwice_IsLoadedOnce()
    {
        Assert.Same(HolidayCalendars.ChinaMainland, HolidayCalendars.ChinaMainland);
        Assert.Contains(HolidayCalendars.ChinaMainland, HolidayCalendars.BuiltIn);
    }
}
