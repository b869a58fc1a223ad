using Roster.Core.Rules;

namespace Roster.Core.Engine;

/// <summary>A required slot left empty, with the reason each candidate of its role was not used.</summary>
public sealed record UnfilledSlot(string SlotId, IReadOnlyList<Exclusion> Candidates)
{
    /// <summary>False when the time limit ran out before this slot could be explained (then <see cref="Candidates"/> is empty).</summary>
    public bool Explained { get; init; } = true;
}
