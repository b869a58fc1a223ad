using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>A day's reassignment among everyone is solved as a minimum-cost flow; it must reach the best reassignment of
/// that day (checked against every reassignment there is, pinned duties held) and leave the search's score exact.</summary>
public sealed class DayAssignmentTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, false)]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(8, true)]
    [InlineData(9, true)]
    public void EachDay_GetsTheBestReassignmentThereIs(int seed, bool pins)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random, people: 5, days: 7, pins)).Model;
        Assert.True(DayAssignment.Applies(model));
        Assert.Equal(pins, model.Limits.Any(limits => limits.Locked.Any(locked => locked)));
        var state = new SearchState(model, Scrambled(model, random));
        var days = new DayAssignment(model, state);
        var improved = 0;
        for (var d = 0; d < model.Days; d++)
        {
            var best = BestOfDay(model, state.Rows, d);
            var before = state.Cost;
            var saved = days.Improve(d);
            Assert.Equal(best, state.Cost, 6);
            Assert.Equal(before - state.Cost, saved, 6);
            improved += saved > 1e-9 ? 1 : 0;
        }
        Assert.True(improved > 0, "no day could be improved: the test checked no reassignment");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Passes_NeverWorsen_AndKeepTheScoreOfAFullRescoring(int seed)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random, people: 8, days: 28)).Model;
        var state = new SearchState(model, Scrambled(model, random));
        var days = new DayAssignment(model, state);
        double gained = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            for (var d = 0; d < model.Days; d++)
            {
                var before = state.Cost;
                gained += days.Improve(d);
                Assert.True(state.Cost <= before + 1e-6, $"day {d} worsened the roster: {before} -> {state.Cost}");
                var fresh = new SearchState(model, state.Rows);
                Assert.Equal(fresh.Hard, state.Hard, 6);
                Assert.Equal(fresh.Soft, state.Soft, 6);
            }
        }
        Assert.True(gained > 0, "the passes gained nothing from a scrambled roster");
    }

    /// <summary>A greedy roster with some duties moved at random, so that days have better reassignments.</summary>
    private static int[][] Scrambled(SolverModel model, Random random)
    {
        var rows = Greedy.Construct(model, random.Next());
        var count = new int[model.Cells.Length];
        foreach (var c in rows.SelectMany(r => r).Where(c => c >= 0))
        {
            count[c]++;
        }
        for (var i = 0; i < model.People * model.Days / 2; i++)
        {
            var (p, d) = (random.Next(model.People), random.Next(model.Days));
            if (model.Limits[p].Locked[d])
            {
                continue;
            }
            var options = model.EligibleOnDay[p][d];
            var to = random.Next(options.Length + 1) - 1;
            var c = to < 0 ? -1 : options[to];
            if (c >= 0 && count[c] >= model.Cells[c].Capacity)
            {
                continue;
            }
            if (rows[p][d] >= 0)
            {
                count[rows[p][d]]--;
            }
            if (c >= 0)
            {
                count[c]++;
            }
            rows[p][d] = c;
        }
        return rows;
    }

    /// <summary>The lowest cost of any reassignment of day <paramref name="d"/> (every other day held, no cell above its
    /// capacity), by trying them all.</summary>
    private static double BestOfDay(SolverModel model, int[][] rows, int d)
    {
        var trial = rows.Select(r => (int[])r.Clone()).ToArray();
        var others = new int[model.Cells.Length];
        var best = double.PositiveInfinity;
        void Try(int p)
        {
            if (p == model.People)
            {
                best = Math.Min(best, new SearchState(model, trial).Cost);
                return;
            }
            IEnumerable<int> choices = model.Limits[p].Locked[d] ? [rows[p][d]] : model.EligibleOnDay[p][d].Prepend(-1);
            foreach (var c in choices)
            {
                if (c >= 0 && others[c] >= model.Cells[c].Capacity)
                {
                    continue;
                }
                trial[p][d] = c;
                others[Math.Max(c, 0)] += c >= 0 ? 1 : 0;
                Try(p + 1);
                others[Math.Max(c, 0)] -= c >= 0 ? 1 : 0;
            }
        }
        Try(0);
        return best;
    }

    private static RosterProblem Problem(Random random, int people, int days, bool pins = false)
    {
        var slots = new List<Slot>();
        for (var d = 0; d < days; d++)
        {
            for (var k = 0; k < 1 + random.Next(2); k++)
            {
                slots.Add(Build.Slot($"d{d}-{k}", d, "D", startHour: 8, hours: 8));
            }
            slots.Add(Build.Slot($"e{d}", d, "E", startHour: 14, hours: 8));
            slots.Add(Build.Slot($"n{d}", d, "N", startHour: 20, hours: 10) with { IsNight = true });
        }
        var staff = Enumerable.Range(0, people).Select(i => Build.Person($"p{i}")).ToList();
        var rules = new List<Rule>
        {
            new MinRestRule(Duration.FromHours(12)),
            new ForbiddenSuccessionRule("N", "D"),
            new ConsecutiveDutyDaysRule { Min = 1, Max = 4 },
            new WorkloadLimitRule { MaxMinutes = 8 * 60 * days * 5 / 7 },
            new WorkloadLimitRule { ShiftCode = "N", MaxShifts = 1 + (days / 4) },
            new MaxWeekendsRule(Math.Max(1, days / 14)),
        };
        for (var i = 0; i < people * days / 3; i++)
        {
            var shift = new[] { "D", "E", "N" }[random.Next(3)];
            rules.Add(new RequestRule($"p{random.Next(people)}", Build.Day0.PlusDays(random.Next(days)), true, 1 + random.Next(3)) { ShiftCode = shift });
        }
        // Pinned duties lock their person's day: the reassignment must leave them and count them in their cell.
        var pinned = pins ? Enumerable.Range(0, days).Select(d => new Assignment($"e{d}", $"p{random.Next(people)}")).ToList() : [];
        return Build.Problem(slots, staff, [.. rules]) with { Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(days - 1)), Pinned = pinned };
    }
}
