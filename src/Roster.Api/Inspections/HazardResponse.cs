using NodaTime;
using Roster.Core.Storage.Inspections;

namespace Roster.Api.Inspections;

/// <summary>
/// A hazard (隐患) and its rectification (整改): <c>owner</c> responsible, <c>dueAt</c> deadline, <c>closedAt</c> when rectified;
/// <c>overdue</c> while open past its deadline.
/// </summary>
public sealed record HazardResponse(
    Guid Id, Guid TaskId, Guid UnitId, Guid PeriodId, string Item, string? Note, Instant FoundAt, string? Owner, Instant? DueAt,
    Instant? ClosedAt, Guid? ClosedBy, string? ClosingNote, bool Overdue)
{
    public static HazardResponse From(HazardRow h, Instant now) => new(
        h.Id, h.TaskId, h.UnitId, h.PeriodId, h.Item, h.Note, h.FoundAt, h.Owner, h.DueAt, h.ClosedAt, h.ClosedBy, h.ClosingNote,
        h.ClosedAt is null && h.DueAt is { } due && due <= now);
}
