namespace Roster.Api.Inspections;

/// <summary>The result of one checklist item: <c>outcome</c> ok or hazard (隐患), with a note.</summary>
public sealed record ResultEntry(string? Item, string? Outcome, string? Note);
