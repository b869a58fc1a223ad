namespace Roster.Api.OnDuty;

/// <summary>A unit's duty office phone (值班室电话) and who is on duty there; <c>onDuty</c> is empty when nobody is.</summary>
public sealed record OnDutyUnitResponse(
    Guid UnitId, string Code, string Name, string? NameEn, string? DutyPhone, IReadOnlyList<OnDutyPersonResponse> OnDuty);
