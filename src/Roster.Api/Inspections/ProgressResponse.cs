using NodaTime;

namespace Roster.Api.Inspections;

/// <summary>
/// A unit's progress on a requirement: <c>done</c> of <c>required</c> (<c>scheduled</c> placed on its roster), hazards
/// still open, and <c>behind</c> while it is flagged for falling short as the window nears its end.
/// </summary>
public sealed record ProgressResponse(
    Guid RequirementId, string Kind, string Title, LocalDate WindowFirst, LocalDate WindowLast, Guid UnitId, string UnitName, long Required,
    long Scheduled, long Done, int OpenHazards, bool Behind);
