namespace Roster.Api.Inspections;

/// <summary>The recorded inspection and the hazards it found.</summary>
public sealed record RecordResponse(TaskResponse Task, IReadOnlyList<HazardResponse> Hazards);
