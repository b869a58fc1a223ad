using NodaTime;

namespace Roster.Core.Engine;

/// <summary>Leave or a day off: the person takes no slot whose date lies in <see cref="Dates"/> or whose interval overlaps <see cref="Period"/>.</summary>
/// <remarks><see cref="Dates"/> is inclusive at both ends; <see cref="Period"/> is half-open.</remarks>
public sealed record Unavailability(string PersonId, string Reason)
{
    public DateInterval? Dates { get; init; }

    public Interval? Period { get; init; }
}
