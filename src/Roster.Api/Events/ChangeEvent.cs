namespace Roster.Api.Events;

/// <summary>
/// Something that moves the heat map, the gap list or the on-duty board changed in a unit: <c>kind</c> is roster,
/// check-in, gap, person or unit; <c>resync</c> (no unit) means events may have been missed and every view should reload.
/// </summary>
public sealed record ChangeEvent(Guid? UnitId, string Kind);
