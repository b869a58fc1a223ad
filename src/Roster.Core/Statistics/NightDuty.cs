using NodaTime;

namespace Roster.Core.Statistics;

/// <summary>
/// A night duty (夜班) spends at least <see cref="MinimumOverlap"/> between 22:00 and 06:00 local time: a night shift
/// and a 24-hour shift are night duties, a day shift is not.
/// </summary>
public static class NightDuty
{
    public static readonly Duration MinimumOverlap = Duration.FromHours(1);

    private static readonly LocalTime NightStarts = new(22, 0);

    private static readonly Duration NightLength = Duration.FromHours(8);

    /// <param name="duty">The duty's half-open interval.</param>
    /// <param name="zone">The unit's time zone.</param>
    public static bool Is(Interval duty, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = duty.Start.InZone(zone).Date.PlusDays(-1);
        var last = duty.End.InZone(zone).Date;
        var overlap = Duration.Zero;
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            var start = day.At(NightStarts).InZoneLeniently(zone).ToInstant();
            var end = start + NightLength;
            var from = start > duty.Start ? start : duty.Start;
            var to = end < duty.End ? end : duty.End;
            if (to > from)
            {
                overlap += to - from;
            }
        }

        return overlap >= MinimumOverlap;
    }
}
