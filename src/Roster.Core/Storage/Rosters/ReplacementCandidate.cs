namespace Roster.Core.Storage.Rosters;

/// <summary>
/// Someone who could take the slot without breaking any hard rule, with the soft score the roster would then have
/// (lower is better: fairer, closer to requests, fewer changes). The slot's standby (备班, <c>standby</c> true) comes first,
/// then the others best first.
/// </summary>
public sealed record ReplacementCandidate(Guid PersonId, string Name, string? Phone, double Score, bool Standby = false);
