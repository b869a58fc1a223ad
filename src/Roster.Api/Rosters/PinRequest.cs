namespace Roster.Api.Rosters;

/// <summary>Pins (or unpins) the assignment of a slot: pinned assignments survive regeneration.</summary>
public sealed record PinRequest(string? SlotKey, bool? Pinned);
