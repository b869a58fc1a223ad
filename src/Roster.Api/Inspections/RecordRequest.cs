namespace Roster.Api.Inspections;

/// <summary>Records a done inspection: one result for each checklist item.</summary>
public sealed record RecordRequest(IReadOnlyList<ResultEntry>? Results);
