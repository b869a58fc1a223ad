using Roster.Bench.Curtois;
using Roster.Core.Engine;

namespace Roster.Core.Tests.Bench;

/// <summary>Tests bound by the clock rather than an iteration budget: run alone, so that the other test classes' solver
/// threads on a two-core machine do not take the time their phases are measured against (the column phase runs only if
/// the annealer has a legal roster by three quarters of the limit; once in fifteen full runs, run beside the others, it did not).</summary>
[CollectionDefinition(nameof(CurtoisClockTests), DisableParallelization = true)]
[Collection(nameof(CurtoisClockTests))]
public sealed class CurtoisClockTests
{
    [Fact]
    public void Solve_TinyInstanceOnTheClock_ColumnPhaseReachesHandOptimum()
    {
        // No iteration cap: the column phase (generation, dive, CP-SAT) runs too.
        var problem = CurtoisMapper.ToProblem(CurtoisTests.Tiny, null) with { TimeLimit = NodaTime.Duration.FromSeconds(2), Seed = 3, Workers = 2 };
        var solution = RosterSolver.Solve(problem);
        Assert.NotNull(solution.Statistics.Columns);
        Assert.Empty(solution.Report.HardViolations);
        Assert.Equal(2, solution.Report.SoftScore);
    }
}
