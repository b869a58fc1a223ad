namespace Roster.Api.People;

/// <summary>Creates or changes a person. Roles are the duty roles they are qualified for.</summary>
public sealed record PersonRequest(
    string? Name, string? EmploymentType, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Tags,
    string? Phone, string? Email, bool? Active);
