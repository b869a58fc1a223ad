namespace Roster.Api.Inspections;

/// <summary>The tasks the scheduling created, and every task of the unit for the period afterwards.</summary>
public sealed record ScheduleResponse(IReadOnlyList<TaskResponse> Created, IReadOnlyList<TaskResponse> Tasks);
