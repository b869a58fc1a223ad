namespace Roster.Api.Inspections;

/// <summary>Closes a rectified hazard, saying what was done.</summary>
public sealed record CloseHazardRequest(string? Note);
