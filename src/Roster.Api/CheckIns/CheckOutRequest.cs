namespace Roster.Api.CheckIns;

/// <summary>Ends a duty, leaving a note for whoever takes over.</summary>
public sealed record CheckOutRequest(string? HandoverNote);
