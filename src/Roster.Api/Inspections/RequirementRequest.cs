using NodaTime;

namespace Roster.Api.Inspections;

/// <summary>
/// Declares a required special inspection (专项检查) or patrol (巡查) for every unit under the period, or for <c>unitId</c>
/// only: at least <c>minCount</c> inspections of <c>kind</c> per unit on duty dates <c>windowFirst</c> … <c>windowLast</c>
/// (both included), each going through <c>checklist</c>. With <c>patrolShift</c> (a shift code), one patrol on each such
/// shift in the window. A unit still short <c>leadDays</c> (default 2) days before the window ends is flagged.
/// </summary>
public sealed record RequirementRequest(
    Guid? UnitId, string? Kind, string? Title, IReadOnlyList<string>? Checklist, int? MinCount, LocalDate? WindowFirst, LocalDate? WindowLast,
    string? PatrolShift, int? LeadDays);
