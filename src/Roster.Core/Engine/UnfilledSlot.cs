using Roster.Core.Rules;

namespace Roster.Core.Engine;

/// <summary>A required slot left empty, with the reason each candidate of its role was not used.</summary>
public sealed record UnfilledSlot(string SlotId, IReadOnlyList<Exclusion> Candidates);
