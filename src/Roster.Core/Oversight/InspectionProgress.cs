using NodaTime;

namespace Roster.Core.Oversight;

/// <summary>How far a unit is with a requirement, and when being short of it raises a flag.</summary>
public static class InspectionProgress
{
    /// <summary>A patrol requirement asks for every patrol scheduled (one per patrol shift), and at least the minimum.</summary>
    public static long Required(int minCount, bool patrol, long scheduled) => patrol ? Math.Max(minCount, scheduled) : minCount;

    /// <summary>
    /// The instant from which a unit short of its minimum is flagged: the start (in the unit's zone) of the day
    /// <paramref name="leadDays"/> days before the day after the window's last day. Lead 2 on a window ending 10-24 → 10-23 00:00.
    /// </summary>
    public static Instant FlagFrom(LocalDate windowLast, int leadDays, DateTimeZone zone) =>
        windowLast.PlusDays(1 - leadDays).AtStartOfDayInZone(zone).ToInstant();

    public static bool IsBehind(long done, long required, Instant now, Instant flagFrom) => done < required && now >= flagFrom;
}
