namespace Roster.Core.Engine;

/// <summary>The standby roster: standby slot id → person id, the standby slots nobody could take, and the standby
/// fairness charge (Σ over roles of weight × Σ (load − mean)², see <see cref="Rules.StandbyFairnessRule"/>).</summary>
public sealed record StandbyPlan(IReadOnlyDictionary<string, string> Assignments, IReadOnlyList<string> Unfilled, double FairnessPenalty)
{
    public static readonly StandbyPlan Empty = new(new Dictionary<string, string>(StringComparer.Ordinal), [], 0);
}
