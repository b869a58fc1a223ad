using Roster.Bench.Curtois;
using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Bench;

public sealed class CurtoisTests
{
    internal static readonly CurtoisInstance Tiny = CurtoisReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Tiny.txt")));

    [Fact]
    public void Parse_TinyInstance_ReadsEverySection()
    {
        Assert.Equal(7, Tiny.Days);
        Assert.Equal(["D"], Tiny.Shifts.Single(s => s.Id == "L").CannotFollow);
        Assert.Equal(2, Tiny.Staff.Single(s => s.Id == "B").MaxShifts["D"]);
        Assert.Equal(("A", 6), Assert.Single(Tiny.DaysOff));
        Assert.Equal(new CurtoisRequest("B", 0, "D", 2), Assert.Single(Tiny.OnRequests));
        Assert.Equal(14, Tiny.Cover.Count);
    }

    [Fact]
    public void Objective_HandMadeRosters_MatchHandComputation()
    {
        var problem = CurtoisMapper.ToProblem(Tiny, null);
        // Empty roster: 7 days short × 100 + B's Monday wish (2); A's Tuesday-off wish is honoured.
        Assert.Equal(702, RosterValidator.Validate(problem, new Dictionary<string, string>()).SoftScore);
        // B Sunday + Monday, A Tuesday..Saturday: A works the Tuesday it asked off -> 3.
        var roster = new Dictionary<string, string> { ["6-D-0"] = "B", ["0-D-0"] = "B", ["1-D-0"] = "A", ["2-D-0"] = "A", ["3-D-0"] = "A", ["4-D-0"] = "A", ["5-D-0"] = "A" };
        var report = RosterValidator.Validate(problem, roster);
        Assert.Empty(report.HardViolations);
        Assert.Equal(3, report.SoftScore);
        // Adding A on Monday too is one person over target (1) and a run of six days, allowed here.
        Assert.Equal(4, RosterValidator.Validate(problem, new Dictionary<string, string>(roster) { ["0-D-1"] = "A" }).SoftScore);
    }

    [Fact]
    public void Solve_TinyInstance_ReachesHandOptimum()
    {
        var problem = CurtoisMapper.ToProblem(Tiny, null) with { MaxIterations = 50_000, Seed = 3 };
        var solution = RosterSolver.Solve(problem);
        Assert.Empty(solution.Report.HardViolations);
        Assert.Equal(2, solution.Report.SoftScore);
    }
}
