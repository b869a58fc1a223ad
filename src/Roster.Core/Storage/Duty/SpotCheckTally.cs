namespace Roster.Core.Storage.Duty;

/// <summary>How a unit fared in spot checks: people drawn and what was found.</summary>
public sealed class SpotCheckTally
{
    public Guid UnitId { get; init; }

    public long Drawn { get; init; }

    public long OnPost { get; init; }

    public long Elsewhere { get; init; }

    public long NotReached { get; init; }

    public long Pending { get; init; }

    /// <summary>People on reachable (on-call) duty the check could not reach: it counts against the unit.</summary>
    public long ReachableNotReached { get; init; }
}
