using NodaTime;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>Someone who can be on duty.</summary>
public sealed record PersonResponse(
    Guid Id, Guid UnitId, string Name, string EmploymentType, IReadOnlyList<string> Roles, IReadOnlyList<string> Tags,
    string? Phone, string? Email, bool Active, int Version, Instant CreatedAt, string? StaffNumber = null)
{
    public static PersonResponse From(PersonRow row) => new(
        row.Id, row.UnitId, row.Name, row.EmploymentType, row.Roles, row.Tags, row.Phone, row.Email, row.Active, row.Version, row.CreatedAt, row.StaffNumber);
}
