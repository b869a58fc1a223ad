namespace Roster.Api.Rosters;

/// <summary>Puts a ranked candidate into a slot of the published roster at once (one call).</summary>
public sealed record ReplacementRequest(string? SlotKey, Guid? PersonId);
