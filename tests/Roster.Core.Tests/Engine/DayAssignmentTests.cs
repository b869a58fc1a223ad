using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>A day's reassignment among everyone is solved as a minimum-cost flow (<see cref="DayAssignment"/>) or by
/// cancelling cycles from the day as it stands (<see cref="DayCycles"/>); either must reach the best reassignment of that
/// day (checked against every reassignment there is, pinned duties held) and leave the search's score exact.</summary>
public sealed class DayAssignmentTests
{
    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, false, false)]
    [InlineData(3, false, false)]
    [InlineData(4, false, false)]
    [InlineData(5, false, false)]
    [InlineData(6, false, false)]
    [InlineData(7, true, false)]
    [InlineData(8, true, false)]
    [InlineData(9, true, false)]
    [InlineData(1, false, true)]
    [InlineData(2, false, true)]
    [InlineData(3, false, true)]
    [InlineData(4, false, true)]
    [InlineData(5, false, true)]
    [InlineData(6, false, true)]
    [InlineData(7, true, true)]
    [InlineData(8, true, true)]
    [InlineData(9, true, true)]
    public void EachDay_GetsTheBestReassignmentThereIs(int seed, bool pins, bool cycles)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random, people: 5, days: 7, pins)).Model;
        Assert.True(DayAssignment.Applies(model));
        Assert.Equal(pins, model.Limits.Any(limits => limits.Locked.Any(locked => locked)));
        var state = new SearchState(model, Scrambled(model, random));
        var improve = Improver(model, state, cycles);
        var improved = 0;
        // A second pass prices rows the first changed: prices kept from before a change would miss the day's best.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var d = 0; d < model.Days; d++)
            {
                var best = BestOfDay(model, state.Rows, d);
                var before = state.Cost;
                var saved = improve(d);
                Assert.Equal(best, state.Cost, 6);
                Assert.Equal(before - state.Cost, saved, 6);
                improved += saved > 1e-9 ? 1 : 0;
            }
        }
        Assert.True(improved > 0, "no day could be improved: the test checked no reassignment");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Passes_NeverWorsen_AndKeepTheScoreOfAFullRescoring(int seed, bool cycles)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random, people: 8, days: 28)).Model;
        var state = new SearchState(model, Scrambled(model, random));
        var improve = Improver(model, state, cycles);
        double gained = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            for (var d = 0; d < model.Days; d++)
            {
                var before = state.Cost;
                gained += improve(d);
                Assert.True(state.Cost <= before + 1e-6, $"day {d} worsened the roster: {before} -> {state.Cost}");
                var fresh = new SearchState(model, state.Rows);
                Assert.Equal(fresh.Hard, state.Hard, 6);
                Assert.Equal(fresh.Soft, state.Soft, 6);
            }
        }
        Assert.True(gained > 0, "the passes gained nothing from a scrambled roster");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void HeldPerson_KeepsTheirDay_AndTheRestIsTheBestAroundThem(int seed)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random, people: 5, days: 7)).Model;
        var state = new SearchState(model, Scrambled(model, random));
        var days = new DayCycles(model, state);
        var moved = 0;
        for (var d = 0; d < model.Days; d++)
        {
            // The held person is first moved elsewhere, as a kick would: where they were is where a free day may send them back.
            var hold = random.Next(model.People);
            var options = model.EligibleOnDay[hold][d].Prepend(-1).Where(c => c != state.Rows[hold][d] && (c < 0 || state.Count[c] < model.Cells[c].Capacity)).ToList();
            if (model.Limits[hold].Locked[d] || options.Count == 0)
            {
                continue;
            }
            var kick = new Move(state);
            kick.Set(hold, d, options[random.Next(options.Count)]);
            kick.Score();
            kick.Clear();
            var held = state.Rows[hold][d];
            var best = BestOfDay(model, state.Rows, d, hold);
            days.Improve(d, hold);
            Assert.Equal(held, state.Rows[hold][d]);
            Assert.Equal(best, state.Cost, 6);
            moved += BestOfDay(model, state.Rows, d) < state.Cost - 1e-9 ? 1 : 0;
        }
        Assert.True(moved > 0, "holding never mattered: the test checked nothing the free day would not do");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RequestKicks_NeverWorsen_KeepTheScoreExact_AndGrantRequests(int seed)
    {
        var random = new Random(seed);
        var model = ModelBuilder.Build(Problem(random, people: 8, days: 28)).Model;
        var state = new SearchState(model, Greedy.Construct(model, seed));
        var flow = new DayAssignment(model, state);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var d = 0; d < model.Days; d++)
            {
                flow.Improve(d);
            }
        }
        var (before, unmet) = (state.Cost, Unmet(model, state.Rows));
        var kicks = new RequestKicks(model, state, new Random(seed));
        var saved = kicks.Run(long.MaxValue, CancellationToken.None, draws: 2000);
        var fresh = new SearchState(model, state.Rows);
        Assert.Equal(fresh.Hard, state.Hard, 6);
        Assert.Equal(fresh.Soft, state.Soft, 6);
        Assert.Equal(before - state.Cost, saved, 6);
        Assert.True(kicks.Kicks > 0, "no request could be kicked");
        Assert.True(saved > 0 && Unmet(model, state.Rows) < unmet, $"kicks from days at their best gained nothing: {before} -> {state.Cost}, unmet {unmet}");
    }

    private static Func<int, double> Improver(SolverModel model, SearchState state, bool cycles)
    {
        if (cycles)
        {
            var days = new DayCycles(model, state);
            return d => days.Improve(d);
        }
        var flow = new DayAssignment(model, state);
        return flow.Improve;
    }

    private static double Unmet(SolverModel model, int[][] rows) =>
        Enumerable.Range(0, model.People).Sum(p => Enumerable.Range(0, model.Days).Sum(d =>
            (model.Limits[p].Requests[d] ?? []).Where(r => !r.MetBy(rows[p][d] < 0 ? -1 : model.Cells[rows[p][d]].Shift)).Sum(r => r.Weight)));

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

    /// <summary>The lowest cost of any reassignment of day <paramref name="d"/> (every other day held, and
    /// <paramref name="hold"/>'s day too, no cell above its capacity), by trying them all.</summary>
    private static double BestOfDay(SolverModel model, int[][] rows, int d, int hold = -1)
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
            IEnumerable<int> choices = model.Limits[p].Locked[d] || p == hold ? [rows[p][d]] : model.EligibleOnDay[p][d].Prepend(-1);
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
