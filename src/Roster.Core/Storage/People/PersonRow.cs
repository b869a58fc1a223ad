using NodaTime;

namespace Roster.Core.Storage.People;

/// <summary>Someone who can be on duty, as stored.</summary>
public sealed class PersonRow
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public string Name { get; init; } = "";

    /// <summary>formal, contract or temporary.</summary>
    public string EmploymentType { get; init; } = "";

    /// <summary>The duty roles the person is qualified for.</summary>
    public string[] Roles { get; init; } = [];

    public string[] Tags { get; init; } = [];

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>工号: the key a staff-list import matches people by, unique inside the subtree it is imported into.</summary>
    public string? StaffNumber { get; init; }

    public bool Active { get; init; }

    public int Version { get; init; }

    public Instant CreatedAt { get; init; }
}
