namespace Roster.Api.CheckIns;

/// <summary>Confirms being on post for a slot of the published roster. An admin may check in on someone's behalf.</summary>
public sealed record CheckInRequest(string? SlotKey);
