namespace Roster.Core.Engine;

/// <summary>How the search went. <see cref="Seconds"/> is elapsed processor-independent time measured by a monotonic timer.</summary>
public sealed record SolveStatistics(long Iterations, double Seconds, int Workers, bool StoppedByTimeLimit);
