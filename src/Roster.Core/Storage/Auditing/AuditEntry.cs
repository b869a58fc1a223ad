using NodaTime;

namespace Roster.Core.Storage.Auditing;

/// <summary>One recorded write. Before and after are JSON documents of the entity (null when it did not exist).</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public Instant At { get; init; }

    public Guid? ActorId { get; init; }

    public Guid? UnitId { get; init; }

    public string Entity { get; init; } = "";

    public string EntityId { get; init; } = "";

    public string Action { get; init; } = "";

    public string? Before { get; init; }

    public string? After { get; init; }
}
