using NodaTime;

namespace Roster.Core.Storage.Units;

/// <summary>A node of the organisation tree as stored.</summary>
public sealed class UnitRow
{
    public Guid Id { get; init; }

    public Guid? ParentId { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string? NameEn { get; init; }

    /// <summary>IANA time zone id, e.g. Asia/Shanghai.</summary>
    public string TimeZone { get; init; } = "";

    /// <summary>False once deactivated: the unit and its subtree keep no roster (see RosteredUnits).</summary>
    public bool Active { get; init; } = true;

    public int Version { get; init; }

    public Instant CreatedAt { get; init; }
}
