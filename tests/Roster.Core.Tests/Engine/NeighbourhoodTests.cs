using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>The targeted moves: each must make the change it exists for, on a roster where random moves would rarely find it.</summary>
public sealed class NeighbourhoodTests
{
    // Each move draws between variants (a day or a block; fill or hand over): several seeds take each path.
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Request_SwapsTheAskedForShiftInFromItsHolder_CoverageUnchanged(int seed)
    {
        // One day, a day and a night slot: p0 holds the day slot but asked for the night, p1 holds the night.
        Slot[] slots = [Build.Slot("day", 0, "D", startHour: 8, hours: 8), Build.Slot("night", 0, "N", startHour: 20, hours: 8)];
        var problem = Build.Problem(slots, [Build.Person("p0"), Build.Person("p1")], new RequestRule("p0", Build.Day0, true, 3) { ShiftCode = "N" });
        var (builder, state) = Start(problem, ("day", 0), ("night", 1));
        var model = builder.Model;
        var before = (int[])state.Count.Clone();

        Propose(model, state, seed, (n, move) => n.Request(move));

        Assert.Equal(CellOf(problem, model, "night"), state.Rows[0][0]);
        Assert.Equal(CellOf(problem, model, "day"), state.Rows[1][0]);
        Assert.Equal(before, state.Count);
        Assert.Equal(0, RosterValidator.Validate(problem, SolutionMapper.ToAssignments(builder, state.Rows)).ScoreByRule.GetValueOrDefault("request"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Request_SlidesANearbyRunOntoADayOffAskedFor_RunKeepsItsShifts(int seed)
    {
        // p0 works E, L, L on days 0-2 and asked for L on day 4, when they are off. Nobody holds anything to swap with:
        // the run slides two days on, to days 2-4, in the same order.
        var slots = Enumerable.Range(0, 6)
            .SelectMany(d => new[] { Build.Slot($"e{d}", d, "E", startHour: 6, hours: 8), Build.Slot($"l{d}", d, "L", startHour: 14, hours: 8) })
            .ToArray();
        var problem = Build.Problem(slots, [Build.Person("p0")], new RequestRule("p0", Build.Day0.PlusDays(4), true, 3) { ShiftCode = "L" });
        var (builder, state) = Start(problem, ("e0", 0), ("l1", 0), ("l2", 0));
        var model = builder.Model;

        Propose(model, state, seed, (n, move) => n.Request(move));

        int[] expected = [-1, -1, CellOf(problem, model, "e2"), CellOf(problem, model, "l3"), CellOf(problem, model, "l4"), -1];
        Assert.Equal(expected, state.Rows[0]);
        Assert.Equal(0, RosterValidator.Validate(problem, SolutionMapper.ToAssignments(builder, state.Rows)).ScoreByRule.GetValueOrDefault("request"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Weekend_GivesAShortWeekendDayToWhoeverWorksTheOtherDay(int seed)
    {
        // p0 works Saturday only, p1 nothing. Only p0 can take Sunday without a second weekend; a random filler would be
        // p1 half the time.
        var problem = OneWeekend();
        var (builder, state) = Start(problem, ("sat", 0));
        var model = builder.Model;

        Propose(model, state, seed, (n, move) => n.Weekend(move));

        Assert.Equal(CellOf(problem, model, "sun"), state.Rows[0][6]);
        Assert.All(state.Rows[1], c => Assert.Equal(-1, c));
        Assert.Equal(0, state.Soft);
        Assert.Equal(0, state.Hard);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Weekend_HandsAHalfWorkedWeekendDayToWhoeverWorksTheOtherDay(int seed)
    {
        // p0 works Saturday only, p1 Sunday only: both spend their one weekend. Handing p0's Saturday to p1 keeps
        // coverage and frees p0's weekend.
        var problem = OneWeekend();
        var (builder, state) = Start(problem, ("sat", 0), ("sun", 1));
        var model = builder.Model;
        var before = (int[])state.Count.Clone();

        Propose(model, state, seed, (n, move) => n.Weekend(move));

        var held = state.Rows.Select(r => r.Count(c => c >= 0)).ToArray();
        Assert.Contains(0, held);
        Assert.Contains(2, held);
        Assert.Equal(before, state.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WeekendPath_FillsAShortSaturdayThroughSomeoneWhoWorksBothDays(int seed)
    {
        // p0 works early both days, p1 late on Sunday only; Saturday's late slot is empty and late may not follow late,
        // so p1 cannot take it. p0 moves to Saturday late and p1 takes p0's Saturday early: one path of two changes.
        var problem = TwoShiftWeekend(3);
        var (builder, state) = Start(problem, ("satE", 0), ("sunE", 0), ("sunL", 1));
        var model = builder.Model;

        Propose(model, state, seed, (n, move) => n.WeekendPath(move));

        Assert.Equal([CellOf(problem, model, "satL"), CellOf(problem, model, "sunE")], state.Rows[0][5..]);
        Assert.Equal([CellOf(problem, model, "satE"), CellOf(problem, model, "sunL")], state.Rows[1][5..]);
        Assert.All(state.Rows[2], c => Assert.Equal(-1, c));
        Assert.Equal(0, state.Hard);
        Assert.Equal(0, state.Soft);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WeekendPath_FreesTheWeekendOfSomeoneWhoWorksOneDay_CoverageUnchanged(int seed)
    {
        // Every slot is filled, but p1 and p2 each work one day of the weekend: through p0, one of them takes over the
        // other's day and the other's weekend is free.
        var problem = TwoShiftWeekend(3);
        var (builder, state) = Start(problem, ("satE", 0), ("sunE", 0), ("sunL", 1), ("satL", 2));
        var model = builder.Model;
        var before = (int[])state.Count.Clone();

        Propose(model, state, seed, (n, move) => n.WeekendPath(move));

        var held = state.Rows.Select(r => r.Count(c => c >= 0)).Order().ToArray();
        Assert.Equal([0, 2, 2], held);
        Assert.Equal(before, state.Count);
        Assert.Equal(0, state.Hard);
    }

    [Fact]
    public void WeekendPath_SomeoneOffOnSaturdayGivesUpTheirSunday_AndTakesAShortSlotTheNextWeekend()
    {
        // p2 is off on the first Saturday, so working its Sunday spends their one weekend on one slot. Through the path
        // p1 (Saturday only) takes that Sunday too, and p2's weekend goes to the next Saturday's empty slot.
        var problem = TwoShiftWeekend(3, weeks: 2) with
        {
            Unavailability = [new Unavailability("p2", "day off") { Dates = new DateInterval(Build.Day0.PlusDays(5), Build.Day0.PlusDays(5)) }],
        };
        var builder = ModelBuilder.Build(problem);
        var model = builder.Model;
        var done = false;
        for (var attempt = 0; attempt < 50 && !done; attempt++)
        {
            var (_, state) = Start(problem, ("satE", 0), ("sunL", 0), ("satL", 1), ("sunE", 2));
            Propose(model, state, attempt, (n, move) => n.WeekendPath(move));
            Assert.True(state.Count.Sum() >= 4);
            done = state.Rows[2][12] == CellOf(problem, model, "satE2");
            if (done)
            {
                Assert.Equal([CellOf(problem, model, "satL"), CellOf(problem, model, "sunE")], state.Rows[1][5..7]);
                Assert.Equal(0, state.Hard);
                Assert.Equal(0, state.Soft);
            }
        }
        Assert.True(done, "p2 never took the short slot of the second weekend");
    }

    [Theory]
    [InlineData(0, 14, 2)]
    [InlineData(0, 182, 26)]
    [InlineData(0, 364, 52)]
    [InlineData(6, 2, 1)]
    public void WeekendsIn_CountsTheHorizonsWeekends(int startDay, int days, int weekends)
    {
        // Day 0 is a Monday; a horizon starting on day 6 begins on a Sunday, whose Saturday lies before it.
        var start = Build.Day0.PlusDays(startDay);
        var problem = Build.Problem([Build.Slot("s", startDay)], [Build.Person("p0")]) with
        {
            Horizon = new DateInterval(start, start.PlusDays(days - 1)),
        };

        Assert.Equal(weekends, Neighbourhood.WeekendsIn(ModelBuilder.Build(problem).Model));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WeekendTrade_GivesUpAnOverCoveredWeekendForAShortOneLater(int seed)
    {
        // One weekend allowed each. Both work the first weekend, where one of them is enough (the second slots are
        // optional); the second weekend is empty. Moving either day alone would break the limit: the trade moves both.
        Slot[] slots =
        [
            Build.Slot("sat1", 5), Build.Slot("sat1x", 5, optional: true), Build.Slot("sun1", 6), Build.Slot("sun1x", 6, optional: true),
            Build.Slot("sat2", 12), Build.Slot("sun2", 13),
        ];
        var problem = Build.Problem(slots, [Build.Person("p0"), Build.Person("p1")], new MaxWeekendsRule(1)) with
        {
            Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(13)),
        };
        var (builder, state) = Start(problem, ("sat1", 0), ("sun1", 0), ("sat1x", 1), ("sun1x", 1));
        var model = builder.Model;

        Propose(model, state, seed, (n, move) => n.WeekendTrade(move));

        Assert.Equal(0, state.Hard);
        Assert.Equal([1, 1, 1, 1], new[] { "sat1", "sun1", "sat2", "sun2" }.Select(s => state.Count[CellOf(problem, model, s)]));
        Assert.All(state.Rows, row => Assert.Equal(2, row.Count(c => c >= 0)));
        Assert.Empty(RosterValidator.Validate(problem, SolutionMapper.ToAssignments(builder, state.Rows)).HardViolations);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RunTransfer_ExtendsARunOntoAShortDay_AndGivesUpAnotherRunsOverCoveredEnd(int seed)
    {
        // p0 works Monday-Tuesday (needed) and the next Monday-Wednesday (optional slots); Wednesday's slot is empty.
        // p1 is free, but a lone day breaks the two-day minimum: p0 extends their run and gives up an optional end.
        Slot[] slots =
        [
            Build.Slot("d0", 0), Build.Slot("d1", 1), Build.Slot("d2", 2),
            Build.Slot("o7", 7, optional: true), Build.Slot("o8", 8, optional: true), Build.Slot("o9", 9, optional: true),
        ];
        var problem = Build.Problem(slots, [Build.Person("p0"), Build.Person("p1")], new ConsecutiveDutyDaysRule { Min = 2, Max = 3 }) with
        {
            Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(13)),
        };
        var (builder, state) = Start(problem, ("d0", 0), ("d1", 0), ("o7", 0), ("o8", 0), ("o9", 0));
        var model = builder.Model;

        Propose(model, state, seed, (n, move) => n.RunTransfer(move));

        Assert.Equal(CellOf(problem, model, "d2"), state.Rows[0][2]);
        Assert.Equal(5, state.Rows[0].Count(c => c >= 0));
        Assert.True(state.Rows[0][0] >= 0 && state.Rows[0][1] >= 0 && state.Rows[0][8] >= 0, "only an end of the optional run is given up");
        Assert.All(state.Rows[1], c => Assert.Equal(-1, c));
        Assert.Equal(0, state.Hard);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Retime_TakesAShortCellFromAnOverCoveredOne_AndRetimesTheDayBefore(int seed)
    {
        // p0 works late Monday to Wednesday; Tuesday's late slot is optional and Tuesday's early one empty. Early may not
        // follow late, so taking Tuesday early means Monday turns early too (Monday's slots are both optional).
        Slot[] slots =
        [
            Build.Slot("monL", 0, "L", startHour: 14, hours: 8, optional: true), Build.Slot("monE", 0, "E", startHour: 6, hours: 8, optional: true),
            Build.Slot("tueL", 1, "L", startHour: 14, hours: 8, optional: true), Build.Slot("tueE", 1, "E", startHour: 6, hours: 8),
            Build.Slot("wedL", 2, "L", startHour: 14, hours: 8),
        ];
        var problem = Build.Problem(slots, [Build.Person("p0")], new ForbiddenSuccessionRule("L", "E")) with
        {
            Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(2)),
        };
        var (builder, state) = Start(problem, ("monL", 0), ("tueL", 0), ("wedL", 0));
        var model = builder.Model;

        Propose(model, state, seed, (n, move) => n.Retime(move));

        Assert.Equal([CellOf(problem, model, "monE"), CellOf(problem, model, "tueE"), CellOf(problem, model, "wedL")], state.Rows[0]);
        Assert.Equal(0, state.Hard);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Retime_CompletesAHalfWorkedWeekend_RetimingTheOtherDay(int seed)
    {
        // p0 works Saturday late only (an optional slot); Sunday early is empty and may not follow late, so p0 works
        // Sunday early and Saturday turns early too.
        Slot[] slots =
        [
            Build.Slot("satE", 5, "E", startHour: 6, hours: 8, optional: true), Build.Slot("satL", 5, "L", startHour: 14, hours: 8, optional: true),
            Build.Slot("sunE", 6, "E", startHour: 6, hours: 8),
        ];
        var problem = Build.Problem(slots, [Build.Person("p0")], new ForbiddenSuccessionRule("L", "E"), new MaxWeekendsRule(1)) with
        {
            Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(6)),
        };
        var (builder, state) = Start(problem, ("satL", 0));
        var model = builder.Model;

        Propose(model, state, seed, (n, move) => n.Retime(move));

        Assert.Equal(CellOf(problem, model, "satE"), state.Rows[0][5]);
        Assert.Equal(CellOf(problem, model, "sunE"), state.Rows[0][6]);
        Assert.Equal(0, state.Hard);
    }

    /// <summary>A week whose Saturday and Sunday have an early and a late slot each (late may not follow late), one
    /// weekend allowed each; with two weeks, one early slot on the second Saturday.</summary>
    private static RosterProblem TwoShiftWeekend(int people, int weeks = 1)
    {
        Slot[] slots =
        [
            Build.Slot("satE", 5, "E", startHour: 6, hours: 8), Build.Slot("satL", 5, "L", startHour: 14, hours: 8),
            Build.Slot("sunE", 6, "E", startHour: 6, hours: 8), Build.Slot("sunL", 6, "L", startHour: 14, hours: 8),
            .. weeks > 1 ? [Build.Slot("satE2", 12, "E", startHour: 6, hours: 8)] : Array.Empty<Slot>(),
        ];
        var staff = Enumerable.Range(0, people).Select(i => Build.Person($"p{i}")).ToArray();
        return Build.Problem(slots, staff, new MaxWeekendsRule(1), new ForbiddenSuccessionRule("L", "L")) with
        {
            Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays((7 * weeks) - 1)),
        };
    }

    /// <summary>A week whose Saturday and Sunday have one slot each, two people, one weekend allowed each.</summary>
    private static RosterProblem OneWeekend()
    {
        Slot[] slots = [Build.Slot("sat", 5, startHour: 8, hours: 8), Build.Slot("sun", 6, startHour: 8, hours: 8)];
        return Build.Problem(slots, [Build.Person("p0"), Build.Person("p1")], new MaxWeekendsRule(1)) with
        {
            Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(6)),
        };
    }

    /// <summary>Tries <paramref name="propose"/> until it makes a move (moves draw at random and may find nothing), then keeps it.</summary>
    private static void Propose(SolverModel model, SearchState state, int seed, Func<Neighbourhood, Move, bool> propose)
    {
        var neighbourhood = new Neighbourhood(model, state, new Random(seed));
        var move = new Move(state);
        for (var i = 0; i < 1000; i++)
        {
            if (propose(neighbourhood, move))
            {
                move.Score();
                move.Clear();
                return;
            }
            move.Clear();
        }
        Assert.Fail("the move never found anything to do");
    }

    private static (ModelBuilder Builder, SearchState State) Start(RosterProblem problem, params (string Slot, int Person)[] held)
    {
        var builder = ModelBuilder.Build(problem);
        var model = builder.Model;
        var rows = Enumerable.Range(0, model.People).Select(_ => Enumerable.Repeat(-1, model.Days).ToArray()).ToArray();
        foreach (var (slot, person) in held)
        {
            var c = CellOf(problem, model, slot);
            rows[person][model.Cells[c].Day] = c;
        }
        return (builder, new SearchState(model, rows));
    }

    private static int CellOf(RosterProblem problem, SolverModel model, string slotId) =>
        model.Cells.Single(c => c.Slots.Any(i => problem.Slots[i].Id == slotId)).Index;
}
