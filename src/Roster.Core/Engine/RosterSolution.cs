using Roster.Core.Rules;

namespace Roster.Core.Engine;

/// <summary>The engine's answer: who takes which slot, what stays empty and why, and the score per rule.</summary>
public sealed record RosterSolution(
    IReadOnlyDictionary<string, string> Assignments,
    IReadOnlyList<UnfilledSlot> Unfilled,
    ValidationReport Report,
    SolveStatistics Statistics)
{
    /// <summary>Who stands by in each standby slot; empty when the problem asks for no standby.</summary>
    public StandbyPlan Standby { get; init; } = StandbyPlan.Empty;
}
