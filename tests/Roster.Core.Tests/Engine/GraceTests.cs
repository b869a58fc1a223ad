using Roster.Bench.Curtois;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Model;
using Roster.Core.Tests.Bench;

namespace Roster.Core.Tests.Engine;

/// <summary>Legality past the time limit: the row repair, and the grace that reports what it could not mend.</summary>
public sealed class GraceTests
{
    [Fact]
    public void Repair_BrokenRows_BecomeLegal()
    {
        var model = ModelBuilder.Build(CurtoisMapper.ToProblem(CurtoisTests.Tiny, null)).Model;
        // Cell of shift D on each day (shift 0 in the tiny instance, one cell per shift and day).
        var d = Enumerable.Range(0, model.Days).Select(day => model.CellsOfDay[day].First(c => model.Cells[c].Shift == 0)).ToArray();
        // A works all seven days (its day off is day 6) and B four (at most two D shifts, 960 minutes): both rows broken.
        int[][] rows = [[.. d], [d[0], d[1], d[2], d[3], -1, -1, -1]];
        var before = new SearchState(model, rows);
        Assert.True(before.HardOf(0) > 0 && before.HardOf(1) > 0);

        var after = new SearchState(model, RowRepair.Repair(model, rows, long.MaxValue, CancellationToken.None));

        Assert.Equal(0, after.Hard);
        Assert.Equal(-1, after.Rows[0][6]);
        Assert.True(after.Rows[1].Count(c => c >= 0) <= 2);
    }

    [Fact]
    public void RepairSplit_TwoWorkers_EachRowRepairedByOne_MergedRosterLegal()
    {
        var model = ModelBuilder.Build(CurtoisMapper.ToProblem(CurtoisTests.Tiny, null)).Model;
        var d = Enumerable.Range(0, model.Days).Select(day => model.CellsOfDay[day].First(c => model.Cells[c].Shift == 0)).ToArray();
        int[][] rows = [[.. d], [d[0], d[1], d[2], d[3], -1, -1, -1]];

        var split = RowRepair.RepairSplit(model, rows, 2, long.MaxValue, CancellationToken.None);

        Assert.Equal(0, new SearchState(model, split).Hard);
        // Person 0 is repaired by the first worker, person 1 by the second; the first row is what a one-thread pass gives it
        // (it comes first there, so the second row was still the input).
        Assert.Equal(RowRepair.Repair(model, rows, long.MaxValue, CancellationToken.None)[0], split[0]);
        Assert.NotEqual(rows[1], split[1]);
        Assert.Equal([d[0], d[1], d[2], d[3], -1, -1, -1], rows[1]);
    }

    [Fact]
    public void RepairSplit_TwoWorkersFillTheSamePlace_MergedRosterNeverCrowdsACell()
    {
        // One day, a shift nobody needs (two places: the mapper's surplus) and four people who must each work it once.
        // Each worker fills both places in its own copy; merged, four people would sit in two places.
        const string text = """
            SECTION_HORIZON
            1
            SECTION_SHIFTS
            D,480,
            SECTION_STAFF
            A,D=1,480,480,1,1,1,1
            B,D=1,480,480,1,1,1,1
            C,D=1,480,480,1,1,1,1
            E,D=1,480,480,1,1,1,1
            SECTION_COVER
            0,D,0,100,1
            """;
        var model = ModelBuilder.Build(CurtoisMapper.ToProblem(CurtoisReader.Parse(text), null)).Model;
        var cell = Assert.Single(model.Cells);
        Assert.Equal(2, cell.Capacity);
        int[][] rows = [[-1], [-1], [-1], [-1]];

        var split = RowRepair.RepairSplit(model, rows, 2, long.MaxValue, CancellationToken.None);

        Assert.Equal(cell.Capacity, split.Count(row => row[0] == cell.Index));
        // The first two in person order keep the places; the other two are left as broken as they came.
        Assert.Equal([cell.Index, cell.Index, -1, -1], split.Select(row => row[0]));
        var state = new SearchState(model, split);
        Assert.Equal(2, Enumerable.Range(0, 4).Count(p => state.HardOf(p) > 0));
    }

    [Fact]
    public void Solve_PinnedBreach_ReportsEachViolationAfterTheGrace()
    {
        // Only a leader may take the slot, and a staff member is pinned there: no roster is legal.
        var problem = Build.Problem([Build.Slot("l0", 0, "L", role: DutyRoles.Leader), .. Build.DaySlots(2)],
            [Build.Person("ann"), Build.Person("lea", DutyRoles.Leader)]) with
        {
            Pinned = [new Assignment("l0", "ann")],
            MaxIterations = 2_000,
        };

        var solution = RosterSolver.Solve(problem);

        var violation = Assert.Single(solution.Report.HardViolations);
        Assert.Equal("qualification", violation.RuleType);
        Assert.Equal("ann", violation.PersonId);
        Assert.NotEmpty(violation.Message);
        Assert.True(solution.Statistics.GraceSeconds > 0);
        Assert.Equal(solution.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal), RosterSolver.Solve(problem).Assignments.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Solve_LegalInTime_TakesNoGrace()
    {
        var problem = RandomProblems.Create(1);
        var solution = RosterSolver.Solve(problem);
        Assert.Empty(solution.Report.HardViolations);
        Assert.Equal(0, solution.Statistics.GraceSeconds);
    }
}
