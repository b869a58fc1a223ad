using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>The row program against brute force: over every row of a small problem, the cheapest one that breaks no
/// per-person rule must be the one column pricing finds.</summary>
public sealed class RowOptimizerTests
{
    public static TheoryData<int, bool> Seeds => new()
    {
        { 1, false }, { 2, false }, { 3, false }, { 4, false }, { 5, false }, { 6, false },
        { 7, true }, { 8, true }, { 9, true },
    };

    /// <summary><paramref name="minimumOnly"/>: hours have a minimum and no maximum, so the program's total saturates.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Price_RandomDuals_FindsTheCheapestLegalRow(int seed, bool minimumOnly) =>
        AssertPricingIsExact(seed, random => SmallProblem(random, minimumOnly));

    /// <summary>Without an hours limit the program tracks no total, and its per-shift counts are the innermost state.</summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Price_NoHoursLimit_FindsTheCheapestLegalRow(int seed) =>
        AssertPricingIsExact(seed, random => SmallProblem(random, hours: false));

    private static void AssertPricingIsExact(int seed, Func<Random, RosterProblem> build)
    {
        var random = new Random(seed);
        var problem = build(random);
        var model = ModelBuilder.Build(problem).Model;
        var duals = model.Cells.Select(_ => Math.Round(random.NextDouble() * 20, 2)).ToArray();
        var optimizer = new RowOptimizer(model);
        for (var p = 0; p < model.People; p++)
        {
            var found = double.PositiveInfinity;
            optimizer.Price(p, duals, null, (row, price) =>
            {
                Assert.Equal(0, RowEvaluator.Evaluate(model, p, row, new double[model.Roles]).Hard);
                found = Math.Min(found, price);
            }, jitter: false);
            Assert.Equal(BruteForce(model, p, duals), found, 6);
        }
    }

    [Fact]
    public void Price_ForcedDay_KeepsIt()
    {
        var random = new Random(9);
        var model = ModelBuilder.Build(SmallProblem(random)).Model;
        var duals = model.Cells.Select(_ => 10.0).ToArray();
        var forced = Enumerable.Repeat(RowOptimizer.Free, model.Days).ToArray();
        forced[2] = -1;
        forced[3] = model.EligibleOnDay[0][3][0];
        var rows = new List<int[]>();
        new RowOptimizer(model).Price(0, duals, forced, (row, _) => rows.Add((int[])row.Clone()));
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal((-1, forced[3]), (row[2], row[3])));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void OwnBest_ExactPlan_MeetsTheOwnRequestsAsWellAsAnyLegalRow(int seed)
    {
        var model = ModelBuilder.Build(SmallProblem(new Random(seed))).Model;
        var noDuals = new double[model.Cells.Length];
        var optimizer = new RowOptimizer(model, exact: true);
        for (var p = 0; p < model.People; p++)
        {
            Assert.True(optimizer.Plan(p).Exact);
            Assert.True(optimizer.OwnBest(p));
            var (hard, soft) = RowEvaluator.Evaluate(model, p, optimizer.Best, new double[model.Roles]);
            Assert.Equal(0, hard);
            Assert.Equal(BruteForce(model, p, noDuals), soft, 6);
        }
    }

    [Fact]
    public void Plan_TwoBindingShiftMaxima_IsNotExact()
    {
        var problem = SmallProblem(new Random(1));
        problem = problem with { Rules = [.. problem.Rules, new WorkloadLimitRule { ShiftCode = "D", MaxShifts = 2 }] };
        var model = ModelBuilder.Build(problem).Model;
        Assert.False(new RowOptimizer(model, exact: true).Plan(0).Exact);
    }

    /// <summary>A weekend limit of seven in eight weekends is above what moves' rebuilds track; column pricing tracks it,
    /// since a row the relaxation needs may be optimal for no multiplier on it.</summary>
    [Fact]
    public void Plan_WeekendLimitAboveMovesTracking_IsExactOnlyForPricing()
    {
        var days = 8 * 7;
        var slots = Enumerable.Range(0, days).Select(d => Build.Slot($"d{d}", d, "D", startHour: 8, hours: 8)).ToList();
        var problem = Build.Problem(slots, [Build.Person("a")], [new MaxWeekendsRule(7)])
            with { Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(days - 1)) };
        var model = ModelBuilder.Build(problem).Model;
        Assert.False(new RowOptimizer(model).Plan(0).Exact);
        Assert.True(new RowOptimizer(model, allWeekends: true).Plan(0).Exact);
    }

    /// <summary>Six days, a day and a night cell a day, two people, and every rule the program tracks.</summary>
    private static RosterProblem SmallProblem(Random random, bool minimumOnly = false, bool hours = true)
    {
        var hoursLimit = minimumOnly ? new WorkloadLimitRule { MinMinutes = 8 * 60 * 3 } : new WorkloadLimitRule { MinMinutes = 8 * 60 * 2, MaxMinutes = 8 * 60 * 4 };
        var slots = new List<Slot>();
        for (var d = 0; d < 6; d++)
        {
            slots.Add(Build.Slot($"d{d}", d, "D", startHour: 8, hours: 8));
            slots.Add(Build.Slot($"n{d}", d, "N", startHour: 20, hours: 10));
        }
        Rule[] rules =
        [
            new MinRestRule(Duration.FromHours(12)),
            new ForbiddenSuccessionRule("N", "D"),
            new ConsecutiveDutyDaysRule { Min = 2, Max = 3 },
            new MinConsecutiveDaysOffRule(2),
            .. (hours ? new Rule[] { hoursLimit } : []),
            new WorkloadLimitRule { ShiftCode = "N", MaxShifts = 1 + random.Next(2) },
            new MaxWeekendsRule(1),
            new RequestRule("a", Build.Day0.PlusDays(random.Next(6)), false, 3),
            new RequestRule("b", Build.Day0.PlusDays(random.Next(6)), true, 2) { ShiftCode = "N" },
        ];
        return Build.Problem(slots, [Build.Person("a"), Build.Person("b")], rules) with { Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(5)) };
    }

    /// <summary>Every row (off or one eligible cell a day), kept when it breaks no per-person rule, priced like a column.</summary>
    private static double BruteForce(SolverModel model, int p, double[] duals)
    {
        var row = new int[model.Days];
        var best = double.PositiveInfinity;
        void Walk(int d)
        {
            if (d == model.Days)
            {
                var (hard, soft) = RowEvaluator.Evaluate(model, p, row, new double[model.Roles]);
                if (hard == 0)
                {
                    best = Math.Min(best, soft - row.Where(c => c >= 0).Sum(c => duals[c]));
                }
                return;
            }
            foreach (var c in model.EligibleOnDay[p][d].Prepend(-1))
            {
                row[d] = c;
                Walk(d + 1);
            }
        }
        Walk(0);
        return best;
    }
}
