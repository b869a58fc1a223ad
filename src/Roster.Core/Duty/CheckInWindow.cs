using NodaTime;

namespace Roster.Core.Duty;

/// <summary>
/// When the person on a slot may confirm being on post (到岗): from <see cref="OpensBefore"/> before the slot starts
/// to <see cref="ClosesAfter"/> after it. After the start the check-in counts as late; after the window it is missed.
/// </summary>
public sealed record CheckInWindow(Duration OpensBefore, Duration ClosesAfter)
{
    public static readonly CheckInWindow Default = new(Duration.FromMinutes(30), Duration.FromMinutes(15));

    /// <summary>The half-open interval in which a check-in for a slot starting at <paramref name="slotStart"/> is accepted.</summary>
    public Interval For(Instant slotStart) => new(slotStart - OpensBefore, slotStart + ClosesAfter);

    public bool Accepts(Instant slotStart, Instant now) => For(slotStart).Contains(now);

    public static bool IsLate(Instant slotStart, Instant checkedInAt) => checkedInAt > slotStart;

    /// <summary>True once the window has closed: a slot without a check-in by then is a missed check-in.</summary>
    public bool HasClosed(Instant slotStart, Instant now) => now >= For(slotStart).End;
}
