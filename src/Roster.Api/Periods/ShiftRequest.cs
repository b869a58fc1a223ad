using NodaTime;

namespace Roster.Api.Periods;

/// <summary>
/// A shift of a period: starts at <c>startsAt</c> local time in the unit's zone and lasts <c>length</c> of local clock
/// time (so a 24-hour shift across a DST change is 23 or 25 real hours). <c>headcount</c> maps duty role → people.
/// </summary>
public sealed record ShiftRequest(
    string? Code, string? Name, string? NameEn, IReadOnlyList<string>? DayTypes, LocalTime? StartsAt, Duration? Length,
    IReadOnlyDictionary<string, int>? Headcount);
