namespace Roster.Api.OnDuty;

/// <summary>A unit's duty office phone (值班室电话), who is on duty there (<c>onDuty</c>, empty when nobody is) and who
/// stands by (<c>standby</c>, 备班: reachable, steps in first).</summary>
public sealed record OnDutyUnitResponse(
    Guid UnitId, string Code, string Name, string? NameEn, string? DutyPhone, IReadOnlyList<OnDutyPersonResponse> OnDuty,
    IReadOnlyList<OnDutyPersonResponse>? Standby = null);
