namespace Roster.Api.Rosters;

/// <summary>Puts a person on standby (备班) in a standby slot of the draft (<c>slotKey</c>: date/shift/role/index among the
/// standby slots). Refused with 422 naming the rule when the person may not stand by there.</summary>
public sealed record StandbyRequest(string? SlotKey, Guid? PersonId);
