namespace Roster.Api.Units;

/// <summary>A unit's duty office phone (值班室电话); null when none is set.</summary>
public sealed record DutyPhoneResponse(Guid UnitId, string? DutyPhone);
