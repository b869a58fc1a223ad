namespace Roster.Api.Rosters;

/// <summary>How a generation went: the search's effort, and what the draft it produced holds.</summary>
public sealed record GenerationStatistics(
    long Iterations, double Seconds, int Workers, int Slots, int Assigned, int Unfilled, int HardViolations, double SoftScore);
