namespace Roster.Api.Units;

/// <summary>
/// Creates or changes a unit. On update a different <c>parentId</c> moves the unit (and its subtree) under a new parent
/// inside the caller's subtree; <c>active: false</c> deactivates it (it and its subtree keep no roster). Omitted: unchanged.
/// </summary>
public sealed record UnitRequest(Guid? ParentId, string? Code, string? Name, string? NameEn, string? TimeZone, bool? Active = null);
