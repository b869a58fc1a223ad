using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>The search rescores a row from the runs a move touched and totals it keeps as it goes; after any sequence of
/// moves, accepted or undone, its score must equal a full scoring of the roster it holds.</summary>
public sealed class SearchStateTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomMoves_KeepTheScoreOfAFullRescoring(int seed)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random)).Model;
        var state = new SearchState(model, Greedy.Construct(model, seed));
        var accepted = Walk(model, state, random, 20_000, 97, () =>
        {
            var fresh = new SearchState(model, state.Rows);
            Assert.Equal(fresh.Hard, state.Hard, 6);
            Assert.Equal(fresh.Soft, state.Soft, 6);
            // No tag needs here: every hard unit is a row's, and a row scored in one pass must agree.
            var rowsHard = Enumerable.Range(0, model.People).Sum(p => RowEvaluator.Evaluate(model, p, state.Rows[p], new double[model.Roles]).Hard);
            Assert.Equal(rowsHard, state.Hard, 6);
            Assert.Equal(SoftFromScratch(model, state.Rows), state.Soft, 6);
            // The row hashes the day reassignments keep prices by follow every change, undone ones too.
            Assert.Equal(fresh.RowHash, state.RowHash);
        });
        Assert.True(accepted > 1000, $"only {accepted} moves were accepted");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ScaledRequests_CountTheirWeightThatManyTimes_ThroughMovesAndBack(int seed)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random)).Model;
        var state = new SearchState(model, Greedy.Construct(model, seed));
        state.Emphasise(3);
        var neighbourhood = new Neighbourhood(model, state, random);
        var move = new Move(state);
        var unmetSeen = 0.0;
        for (var i = 0; i < 5_000; i++)
        {
            if (neighbourhood.Propose(move))
            {
                move.Score();
            }
            move.Clear();
            if (i % 101 == 0)
            {
                var plain = new SearchState(model, state.Rows);
                var unmet = UnmetRequestWeight(model, state.Rows);
                Assert.Equal(plain.Soft + (2 * unmet), state.Soft, 6);
                Assert.Equal(plain.Hard, state.Hard, 6);
                unmetSeen += unmet;
            }
        }
        Assert.True(unmetSeen > 0, "no checkpoint had an unmet request: the scale was never tested");
        state.Emphasise(1);
        Assert.Equal(new SearchState(model, state.Rows).Soft, state.Soft, 6);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void HalfWorkedWeekends_AreChargedByTheirDaysFactor_ThroughMovesAndBack(int seed, bool dayFactors)
    {
        const double charge = 30;
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random)).Model;
        if (dayFactors)
        {
            // A different factor on every day: a weekend charged by the wrong one of its days shows.
            model.SingleDayFactor = Enumerable.Range(0, model.Days).Select(d => 1.0 + (d % 5)).ToArray();
        }
        var state = new SearchState(model, Greedy.Construct(model, seed));
        state.Emphasise(1, charge);
        var chargedSeen = 0.0;
        Walk(model, state, random, 5_000, 101, () =>
        {
            var charged = HalfWorkedWeekends(model, state.Rows);
            Assert.Equal(new SearchState(model, state.Rows).Soft + (charge * charged), state.Soft, 6);
            chargedSeen += charged;
        });
        Assert.True(chargedSeen > 0, "no checkpoint had a half-worked weekend: the charge was never tested");
        state.Emphasise(1);
        Assert.Equal(new SearchState(model, state.Rows).Soft, state.Soft, 6);
    }

    /// <summary>Random moves, a third of them undone, with <paramref name="check"/> after every
    /// <paramref name="every"/>th draw; the moves kept.</summary>
    private static int Walk(SolverModel model, SearchState state, Random random, int draws, int every, Action check)
    {
        var neighbourhood = new Neighbourhood(model, state, random);
        var move = new Move(state);
        var accepted = 0;
        for (var i = 0; i < draws; i++)
        {
            if (!neighbourhood.Propose(move))
            {
                move.Clear();
                continue;
            }
            move.Score();
            if (random.Next(3) == 0)
            {
                move.Undo();
            }
            else
            {
                move.Clear();
                accepted++;
            }
            if (i % every == 0)
            {
                check();
            }
        }
        return accepted;
    }

    /// <summary>Each weekend worked on one day only, weighed by that day's factor (1 where the model has none).</summary>
    private static double HalfWorkedWeekends(SolverModel model, int[][] rows) =>
        Enumerable.Range(0, model.People).Sum(p => Enumerable.Range(0, model.Days)
            .Where(d => model.WeekendOfDay[d] >= 0)
            .GroupBy(d => model.WeekendOfDay[d])
            .Where(w => w.Count() == 2 && w.Count(d => rows[p][d] >= 0) == 1)
            .Sum(w => model.SingleDayFactor.Length == 0 ? 1 : model.SingleDayFactor[w.Single(d => rows[p][d] >= 0)]));

    /// <summary>The weight of the requests a roster leaves unmet, counted from the compiled requests.</summary>
    private static double UnmetRequestWeight(SolverModel model, int[][] rows) =>
        Enumerable.Range(0, model.People).Sum(p => Enumerable.Range(0, model.Days)
            .Sum(d => (model.Limits[p].Requests[d] ?? []).Where(r => !r.MetBy(rows[p][d] >= 0 ? model.Cells[rows[p][d]].Shift : -1)).Sum(r => r.Weight)));

    /// <summary>The soft score counted without the search state: each row in one pass, each cell's coverage, each
    /// fairness group's weighted spread of loads (Σ load² − (Σ load)² / n).</summary>
    private static double SoftFromScratch(SolverModel model, int[][] rows)
    {
        var loads = new double[model.People][];
        var soft = 0.0;
        var count = new int[model.Cells.Length];
        for (var p = 0; p < model.People; p++)
        {
            loads[p] = new double[model.Roles];
            soft += RowEvaluator.Evaluate(model, p, rows[p], loads[p]).Soft;
            foreach (var c in rows[p].Where(c => c >= 0))
            {
                count[c]++;
            }
        }
        soft += model.Cells.Sum(cell => SearchState.CellCost(cell, count[cell.Index]));
        foreach (var group in model.FairGroups)
        {
            var shares = group.People.Select(p => loads[p][group.Role]).ToList();
            soft += group.Weight * (shares.Sum(x => x * x) - (shares.Sum() * shares.Sum() / shares.Count));
        }
        return soft;
    }

    /// <summary>Four weeks, a day and a night shift, and every per-person rule with a part kept as a total: weekends,
    /// workload limits over the horizon, over part of it and per shift.</summary>
    private static RosterProblem Problem(Random random)
    {
        const int days = 28;
        var slots = new List<Slot>();
        for (var d = 0; d < days; d++)
        {
            for (var k = 0; k < 1 + random.Next(3); k++)
            {
                slots.Add(Build.Slot($"d{d}-{k}", d, "D", startHour: 8, hours: 8));
            }
            slots.Add(Build.Slot($"n{d}", d, "N", startHour: 20, hours: 10) with { IsNight = true });
        }
        var people = Enumerable.Range(0, 6).Select(i => Build.Person($"p{i}")).ToList();
        var previous = slots.Where(_ => random.Next(4) == 0).Select(s => new Assignment(s.Id, $"p{random.Next(6)}")).DistinctBy(a => a.SlotId).ToList();
        Rule[] rules =
        [
            new MinRestRule(Duration.FromHours(12)),
            new ForbiddenSuccessionRule("N", "D"),
            new ConsecutiveDutyDaysRule { Min = 2, Max = 4 },
            new MinConsecutiveDaysOffRule(2),
            new WorkloadLimitRule { MinMinutes = 8 * 60 * 10, MaxMinutes = 8 * 60 * 16 },
            new WorkloadLimitRule { ShiftCode = "N", MaxShifts = 3 + random.Next(3) },
            new WorkloadLimitRule { Period = new DateInterval(Build.Day0.PlusDays(7), Build.Day0.PlusDays(13)), MinShifts = 2, MaxShifts = 4 },
            new MaxWeekendsRule(2),
            new SpreadRule(3, 1.5),
            new StabilityRule(2),
            new FairnessRule(DutyRoles.Staff, 0.5),
            new RequestRule("p1", Build.Day0.PlusDays(random.Next(days)), false, 3),
            new RequestRule("p2", Build.Day0.PlusDays(random.Next(days)), true, 2) { ShiftCode = "N" },
        ];
        return Build.Problem(slots, people, rules) with { Previous = previous, Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(days - 1)) };
    }
}
