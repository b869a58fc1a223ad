using NodaTime;
using Roster.Core.Model;
using Roster.Core.Slots;

namespace Roster.Api.Periods;

/// <summary>
/// One concrete need: a shift on a date for one person of a role. <c>start</c>/<c>end</c> are a half-open
/// interval of instants; <c>localStart</c>/<c>localEnd</c> are the unit's clock; <c>length</c> is the real duration
/// (23 or 25 hours for a 24-hour shift across a DST change). <c>presence</c>: on_site (check-in required) or reachable (on call).
/// </summary>
public sealed record SlotResponse(
    string Key, string ShiftCode, LocalDate Date, DayType DayType, string Role, int Index, Instant Start, Instant End,
    LocalDateTime LocalStart, LocalDateTime LocalEnd, Duration Length, bool Night, string Presence = "on_site")
{
    public static SlotResponse From(ShiftSlot s) =>
        new(s.Key, s.ShiftCode, s.Date, s.DayType, s.Role, s.Index, s.Start, s.End, s.LocalStart, s.LocalEnd, s.Length, s.IsNight);
}

/// <summary>A page of slots; <c>uncoveredYears</c> lists years of the range that the calendar has no data for.</summary>
public sealed record SlotPage(IReadOnlyList<SlotResponse> Items, string? NextCursor, string TimeZone, IReadOnlyList<int> UncoveredYears);
