namespace Roster.Api.Rosters;

/// <summary>
/// Puts a person in a slot of the draft. A change that breaks a hard rule is refused (422 listing each rule) unless
/// <c>force</c> is true with a <c>reason</c>, which is kept and audited. Overlapping duties are never allowed.
/// </summary>
public sealed record AssignmentRequest(string? SlotKey, Guid? PersonId, bool? Force, string? Reason);
