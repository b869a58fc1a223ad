namespace Roster.Api.Accounts;

/// <summary>A role (admin, supervisor or staff) on a unit and its subtree.</summary>
public sealed record GrantRequest(Guid? UnitId, string? Role);
