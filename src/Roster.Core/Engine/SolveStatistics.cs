namespace Roster.Core.Engine;

/// <summary>How the search went. <see cref="Seconds"/> is elapsed wall time from a monotonic timer; <see cref="Iterations"/> sums all workers.</summary>
public sealed record SolveStatistics(long Iterations, double Seconds, int Workers, bool StoppedByTimeLimit);
