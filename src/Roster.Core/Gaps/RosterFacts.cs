using NodaTime;
using Roster.Core.Reminders;

namespace Roster.Core.Gaps;

/// <summary>What gap detection knows about a unit's published roster and its people.</summary>
/// <param name="Assignments">Assignments of the published version.</param>
/// <param name="Inactive">People who are deactivated.</param>
/// <param name="Roles">Duty roles each assigned person is qualified for.</param>
/// <param name="LeaveDays">Per person, the dates (inclusive ranges) of approved leave or days off.</param>
/// <param name="OtherDuties">Per person, intervals of their duties in other published rosters.</param>
public sealed record RosterFacts(
    IReadOnlyList<PlannedAssignment> Assignments,
    IReadOnlySet<Guid> Inactive,
    IReadOnlyDictionary<Guid, IReadOnlySet<string>> Roles,
    IReadOnlyDictionary<Guid, IReadOnlyList<DateInterval>> LeaveDays,
    IReadOnlyDictionary<Guid, IReadOnlyList<Interval>> OtherDuties);
