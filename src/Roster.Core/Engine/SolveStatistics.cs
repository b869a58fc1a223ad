namespace Roster.Core.Engine;

/// <summary>How the search went. <see cref="Seconds"/> is elapsed wall time from a monotonic timer; <see cref="Iterations"/> sums all workers.</summary>
public sealed record SolveStatistics(long Iterations, double Seconds, int Workers, bool StoppedByTimeLimit)
{
    /// <summary>The column phase, when it ran (see the engine README).</summary>
    public ColumnStatistics? Columns { get; init; }

    /// <summary>Seconds spent past the search's share of the time limit looking for a legal roster (0 when it was legal
    /// in time); at most <see cref="RosterSolver.GraceFactor"/> times the limit in all.</summary>
    public double GraceSeconds { get; init; }

    /// <summary>Hard units (as the search counts them) of the best roster when the time limit ended, before the grace.</summary>
    public double HardAtLimit { get; init; }

    /// <summary>Ended before the time limit because the best roster stopped improving (see <see cref="RosterProblem.StallLimit"/>).</summary>
    public bool Stalled { get; init; }

    /// <summary>How many slices of the horizon the middle of the cooling ran on, one per worker (0: the whole horizon
    /// throughout; see the engine README).</summary>
    public int Slices { get; init; }

    /// <summary>Days reassigned exactly among everyone after the slices, summed over the workers (0 where that step does
    /// not run; see the engine README), and the cost those reassignments saved.</summary>
    public int ReassignedDays { get; init; }

    public double ReassignmentGain { get; init; }

    /// <summary>Requests granted and repaired at the end of the search, summed over the workers (0 where that step does not
    /// run; see the engine README), and how much lower the best roster ended than the annealing's.</summary>
    public long RequestKicks { get; init; }

    public double KickGain { get; init; }
}

/// <summary>The column phase: relaxation rounds, rows generated, the relaxation's value when the root ended (a lower bound
/// when it converged and pricing tracked every per-person total exactly; 0 when it could not be solved), the best dive's
/// and CP-SAT's objective (0 when they did not finish), and the seconds spent in the LP and in pricing.</summary>
public sealed record ColumnStatistics(int Rounds, int Columns, double Relaxation, double Dive, double Chosen, double LpSeconds, double PriceSeconds);
