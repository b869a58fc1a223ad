using NodaTime;
using Roster.Core.Statistics;

namespace Roster.Core.Tests.Statistics;

public sealed class NightDutyTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Theory]
    [InlineData("2026-10-05T08:00", 12, false)] // day shift 08:00–20:00
    [InlineData("2026-10-05T20:00", 12, true)] // night shift 20:00–08:00
    [InlineData("2026-10-05T08:00", 24, true)] // 24-hour shift
    [InlineData("2026-10-05T16:00", 7, true)] // 16:00–23:00: one hour of night
    [InlineData("2026-10-05T16:00", 6.5, false)] // 16:00–22:30: half an hour
    [InlineData("2026-10-06T05:00", 4, true)] // 05:00–09:00: one hour of the night before
    public void NightDuty_NeedsAnHourBetween22And06Local(string start, double hours, bool night)
    {
        var from = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(start + ":00").Value.InZoneStrictly(Shanghai).ToInstant();
        Assert.Equal(night, NightDuty.Is(new Interval(from, from + Duration.FromHours(hours)), Shanghai));
    }
}
