using NodaTime;

namespace Roster.Api.Periods;

/// <summary>
/// A shift of a period: starts at <c>startsAt</c> local time in the unit's zone and lasts <c>length</c> of local clock
/// time (so a 24-hour shift across a DST change is 23 or 25 real hours). <c>headcount</c> maps duty role → people.
/// <c>presence</c> maps duty role → on_site (在岗, check-in required; the default) or reachable (可联系, on call).
/// <c>standby</c> maps duty role → standby people (备班) per shift, reachable and not on site, who step in first when a slot opens.
/// </summary>
public sealed record ShiftRequest(
    string? Code, string? Name, string? NameEn, IReadOnlyList<string>? DayTypes, LocalTime? StartsAt, Duration? Length,
    IReadOnlyDictionary<string, int>? Headcount, IReadOnlyDictionary<string, string>? Presence = null,
    IReadOnlyDictionary<string, int>? Standby = null);
