namespace Roster.Bench.Curtois;

/// <summary>One solve of one instance, as the sweep prints and stores it. <see cref="Seconds"/> is the time limit given,
/// <see cref="Elapsed"/> the wall time taken (with the grace past the limit, <see cref="GraceSeconds"/>, when the roster
/// was not legal in time). Objective and hard violations come from the validator.</summary>
internal sealed record CurtoisRun(
    string Commit, int Instance, double Seconds, long? Iterations, int Seed, int Workers, double Objective, double? Ratio,
    int HardViolations, double Elapsed, double GraceSeconds, int? BestKnown);
