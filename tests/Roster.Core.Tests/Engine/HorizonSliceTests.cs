using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>Slices of a year-long roster annealed apart and put back together.</summary>
public sealed class HorizonSliceTests
{
    [Fact]
    public void Cut_SplitsEachTotalsRoomBetweenTheSlices()
    {
        var (model, rows) = LegalYear();
        var slices = Slices(model, rows);

        for (var p = 0; p < model.People; p++)
        {
            var full = model.Limits[p];
            // What the slices may use together is what the whole year allows: weekends, shifts, minutes.
            Assert.Equal(full.MaxWeekends, slices.Sum(s => s.Model.Limits[p].MaxWeekends));
            var shifts = full.Workloads.Single(w => w.MaxShifts < int.MaxValue);
            Assert.Equal(shifts.MaxShifts, slices.Sum(s => s.Model.Limits[p].Workloads.Single(w => w.MaxShifts < int.MaxValue).MaxShifts));
        }
    }

    [Fact]
    public void TakeThenPut_GivesTheRosterBack_AndEachSliceIsLegalOnItsOwn()
    {
        var (model, rows) = LegalYear();
        var slices = Slices(model, rows);
        var copy = rows.Select(r => (int[])r.Clone()).ToArray();

        foreach (var slice in slices)
        {
            var part = slice.Take(rows);
            Assert.Equal(0, new SearchState(slice.Model, part).Hard);
            slice.Put(part, copy);
        }

        Assert.Equal(rows, copy);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SlicesAnnealedApart_PutTogether_LegalRoster(int seed)
    {
        // Weekend duties are wanted beyond every allowance: each slice, on its own, would spend the whole year's.
        var (model, rows) = LegalYear();
        var slices = Slices(model, rows);
        var merged = rows.Select(r => (int[])r.Clone()).ToArray();

        foreach (var slice in slices)
        {
            var annealer = new Annealer(slice.Model, slice.Take(rows), seed, 100_000, long.MaxValue, CancellationToken.None);
            annealer.Run();
            Assert.Equal(0, annealer.BestHard);
            slice.Put(annealer.Best, merged);
        }

        var state = new SearchState(model, merged);
        Assert.Equal(0, state.Hard);
        Assert.True(state.Soft < new SearchState(model, rows).Soft, "the slices found nothing better");
    }

    [Fact]
    public void Cuts_NeverSplitAWeekend()
    {
        var (model, _) = LegalYear();

        var cuts = HorizonSlice.Cuts(model, 2);

        Assert.Equal([0, cuts[1], model.Days], cuts);
        Assert.InRange(cuts[1], (model.Days / 2) - 1, (model.Days / 2) + 2);
        Assert.True(model.WeekendOfDay[cuts[1]] < 0 || model.WeekendOfDay[cuts[1]] != model.WeekendOfDay[cuts[1] - 1]);
    }

    [Fact]
    public void Solve_YearOnTwoWorkers_RunsInHalvesLegalAndTheSameForTheSameSeed()
    {
        // 1,000 moves per person-day: the least budget that slices (5 people, 364 days). The time limit is far off, so that
        // the budget decides the result even on a loaded machine.
        var problem = Year() with { MaxIterations = 1_820_000, Workers = 2, Seed = 5, TimeLimit = NodaTime.Duration.FromMinutes(5) };

        var first = RosterSolver.Solve(problem);
        var second = RosterSolver.Solve(problem);

        Assert.Equal(2, first.Statistics.Slices);
        Assert.True(first.Statistics.ReassignedDays >= 364, $"the days after the halves were not reassigned: {first.Statistics.ReassignedDays}");
        Assert.Empty(first.Report.HardViolations);
        Assert.Equal(first.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal), second.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Solve_YearOnASmallMoveBudget_AnnealsTheWholeYear()
    {
        var solution = RosterSolver.Solve(Year() with { MaxIterations = 1_819_999, Workers = 2, Seed = 5 });

        Assert.Equal(0, solution.Statistics.Slices);
        Assert.Equal(0, solution.Statistics.ReassignedDays);
        Assert.Empty(solution.Report.HardViolations);
    }

    private static HorizonSlice[] Slices(SolverModel model, int[][] rows)
    {
        var cuts = HorizonSlice.Cuts(model, 2);
        return [.. Enumerable.Range(0, 2).Select(k => HorizonSlice.Cut(model, rows, cuts[k], cuts[k + 1], HorizonSlice.Margin(model), k, 2))];
    }

    /// <summary>A year: one day slot each weekday, three each weekend day; five people, each allowed 30 weekends and 110
    /// shifts, at most five days in a row and two days off at least.</summary>
    private static RosterProblem Year()
    {
        var slots = new List<Slot>();
        for (var d = 0; d < 364; d++)
        {
            var weekend = d % 7 >= 5;
            for (var k = 0; k < (weekend ? 3 : 1); k++)
            {
                slots.Add(Build.Slot($"d{d}-{k}", d, startHour: 8, hours: 8, dayType: weekend ? DayType.Weekend : DayType.Workday));
            }
        }
        var people = Enumerable.Range(0, 5).Select(i => Build.Person($"p{i}")).ToList();
        return Build.Problem(slots, people,
            new MaxWeekendsRule(30),
            new WorkloadLimitRule { MaxShifts = 110 },
            new ConsecutiveDutyDaysRule { Max = 5 },
            new MinConsecutiveDaysOffRule(2)) with
        {
            Horizon = new NodaTime.DateInterval(Build.Day0, Build.Day0.PlusDays(363)),
        };
    }

    private static (SolverModel Model, int[][] Rows) LegalYear()
    {
        var model = ModelBuilder.Build(Year()).Model;
        var annealer = new Annealer(model, Greedy.Construct(model, 1), 1, 30_000, long.MaxValue, CancellationToken.None);
        annealer.Run();
        Assert.Equal(0, annealer.BestHard);
        return (model, annealer.Best.Select(r => (int[])r.Clone()).ToArray());
    }
}
