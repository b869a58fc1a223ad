using NodaTime;
using Roster.Core.Model;

namespace Roster.Bench.District;

/// <summary>A few hard-coded 2027 dates in the style of the State Council holiday notice (illustrative, not the official list):
/// New Year and the Spring Festival as holidays, two weekend days worked in exchange (调休).</summary>
internal static class ChineseCalendar
{
    private static readonly LocalDate[] Holidays =
    [
        new(2027, 1, 1), new(2027, 1, 2), new(2027, 1, 3),
        new(2027, 2, 5), new(2027, 2, 6), new(2027, 2, 7), new(2027, 2, 8), new(2027, 2, 9), new(2027, 2, 10), new(2027, 2, 11),
    ];

    private static readonly LocalDate[] MakeUpWorkdays = [new(2027, 1, 31), new(2027, 2, 20)];

    public static DayType TypeOf(LocalDate date) =>
        Holidays.Contains(date) ? DayType.Holiday
        : MakeUpWorkdays.Contains(date) ? DayType.MakeUpWorkday
        : date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayType.Weekend
        : DayType.Workday;
}
