namespace Roster.Api.Rosters;

/// <summary>The draft after a standby hand edit: the standby now in the slot, or null when the slot was cleared.</summary>
public sealed record StandbyEditResponse(Guid VersionId, StandbyResponse? Standby);
