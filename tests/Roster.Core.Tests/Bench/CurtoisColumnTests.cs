using Roster.Bench.Curtois;
using Roster.Core.Engine;

namespace Roster.Core.Tests.Bench;

/// <summary>The column phase (generation, dives, CP-SAT) on a work budget: what it finds depends on the seed and the
/// budget alone, not on how fast the machine is or what else runs beside it; the time limit is only an upper bound far
/// above the work.</summary>
public sealed class CurtoisColumnTests
{
    private static RosterProblem Problem() => CurtoisMapper.ToProblem(CurtoisTests.Tiny, null) with
    {
        MaxIterations = 20_000,
        ColumnBudget = new ColumnBudget(Rounds: 40, ChoiceWork: 1),
        TimeLimit = NodaTime.Duration.FromSeconds(60),
        Seed = 3,
        Workers = 2,
    };

    [Fact]
    public void Solve_TinyInstanceOnAWorkBudget_ColumnPhaseReachesHandOptimum()
    {
        var solution = RosterSolver.Solve(Problem());
        Assert.NotNull(solution.Statistics.Columns);
        Assert.True(solution.Statistics.Columns.Rounds is > 0 and <= 40);
        Assert.Empty(solution.Report.HardViolations);
        Assert.Equal(2, solution.Report.SoftScore);
    }

    [Fact]
    public void Solve_SameWorkBudgetTwice_SameRosterAndColumnWork()
    {
        var first = RosterSolver.Solve(Problem());
        var second = RosterSolver.Solve(Problem());
        Assert.Equal(first.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal), second.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(first.Statistics.Iterations, second.Statistics.Iterations);
        Assert.Equal((first.Statistics.Columns?.Rounds, first.Statistics.Columns?.Columns), (second.Statistics.Columns?.Rounds, second.Statistics.Columns?.Columns));
    }
}
