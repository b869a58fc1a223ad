namespace Roster.Api.Units;

/// <summary>Creates or changes a unit. The parent is set at creation and never changes.</summary>
public sealed record UnitRequest(Guid? ParentId, string? Code, string? Name, string? NameEn, string? TimeZone);
