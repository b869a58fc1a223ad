namespace Roster.Api.SpotChecks;

/// <summary>Draw <c>count</c> (1–50) people on duty right now across the unit's subtree; <c>seed</c> repeats a draw.</summary>
public sealed record SpotCheckRequest(Guid? UnitId, int? Count, int? Seed);
