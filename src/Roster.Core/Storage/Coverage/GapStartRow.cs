using NodaTime;

namespace Roster.Core.Storage.Coverage;

/// <summary>When an open gap's slot starts, and where.</summary>
public sealed class GapStartRow
{
    public Guid UnitId { get; init; }

    public Instant StartsAt { get; init; }
}
