using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

public sealed class RosterSolverTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomProblem_PassesValidator(int seed)
    {
        var problem = RandomProblems.Create(seed);
        var solution = RosterSolver.Solve(problem);
        Assert.Empty(RosterValidator.Validate(problem, solution.Assignments).HardViolations);
        Assert.Equal(problem.Slots.Count(s => !solution.Assignments.ContainsKey(s.Id)), solution.Unfilled.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Solve_OnTheClockWithoutFairness_ColumnPhasePassesValidator(int seed)
    {
        // Without fairness and without an iteration cap the column phase runs; its roster must still break no hard rule.
        var problem = RandomProblems.Create(seed) with { MaxIterations = null, TimeLimit = NodaTime.Duration.FromSeconds(2) };
        problem = problem with { Rules = [.. problem.Rules.Where(r => r is not FairnessRule)] };
        var solution = RosterSolver.Solve(problem);
        Assert.Empty(RosterValidator.Validate(problem, solution.Assignments).HardViolations);
        Assert.Equal(problem.Slots.Count(s => !solution.Assignments.ContainsKey(s.Id)), solution.Unfilled.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_SameSeed_SameRoster(int seed)
    {
        var first = RosterSolver.Solve(RandomProblems.Create(seed));
        var second = RosterSolver.Solve(RandomProblems.Create(seed));
        Assert.Equal(first.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal), second.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_PinnedAssignments_Survive(int seed)
    {
        var problem = RandomProblems.Create(seed);
        var pins = RosterSolver.Solve(problem).Assignments.OrderBy(a => a.Key, StringComparer.Ordinal).Where((_, i) => i % 3 == 0)
            .Select(a => new Assignment(a.Key, a.Value)).ToList();
        var solution = RosterSolver.Solve(problem with { Pinned = pins, Seed = seed + 100 });
        Assert.All(pins, pin => Assert.Equal(pin.PersonId, solution.Assignments[pin.SlotId]));
        Assert.Empty(RosterValidator.Validate(problem with { Pinned = pins }, solution.Assignments).HardViolations);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_AddingPerson_NeverLowersCoverage(int seed)
    {
        var problem = RandomProblems.Create(seed, people: 4);
        var more = problem with { People = [.. problem.People, Build.Person("extra")] };
        Assert.True(RosterSolver.Solve(more).Assignments.Count >= RosterSolver.Solve(problem).Assignments.Count);
    }

    [Fact]
    public void Solve_UnfillableSlot_StaysEmptyAndExplainsEveryCandidate()
    {
        var problem = Build.Problem(Build.DaySlots(2), [Build.Person("ann"), Build.Person("bob")]) with
        {
            Unavailability = [new Unavailability("ann", "on leave") { Dates = new NodaTime.DateInterval(Build.Day0, Build.Day0) }],
            Pinned = [new Assignment("d1", "bob")],
            Rules = [new WorkloadLimitRule { MaxShifts = 1 }],
            MaxIterations = 5_000,
        };
        var solution = RosterSolver.Solve(problem);
        var unfilled = Assert.Single(solution.Unfilled);
        Assert.Equal("d0", unfilled.SlotId);
        Assert.Equal(["availability", "workload"], unfilled.Candidates.OrderBy(c => c.PersonId, StringComparer.Ordinal).Select(c => c.RuleType));
    }

    [Fact]
    public void Solve_NoSlotsOrNoPeople_ReturnsEmptyRoster()
    {
        Assert.Empty(RosterSolver.Solve(Build.Problem([], [Build.Person("ann")])).Assignments);
        var solution = RosterSolver.Solve(Build.Problem(Build.DaySlots(2), []));
        Assert.Equal(2, solution.Unfilled.Count);
        Assert.All(solution.Unfilled, u => Assert.Empty(u.Candidates));
    }

    [Fact]
    public void Solve_CancelledBeforeStart_StillReturnsValidRoster()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var problem = RandomProblems.Create(1) with { Cancellation = cancel.Token };
        Assert.Empty(RosterValidator.Validate(problem, RosterSolver.Solve(problem).Assignments).HardViolations);
    }

    [Fact]
    public void Solve_RequestLedStart_KeepsEachCellWithinItsCapacity()
    {
        // Half a year of dense requests (exact rows, a request-led start) where everyone asks for the one duty of every
        // day: each person's own best row alone would put all four on every day. A few moves leave the start nearly as is.
        const int days = 182;
        var people = Enumerable.Range(0, 4).Select(i => Build.Person($"p{i}")).ToList();
        var requests = people.SelectMany(p => Enumerable.Range(0, days).Select(d => (Rule)new RequestRule(p.Id, Build.Day0.PlusDays(d), true, 1))).ToArray();
        var problem = Build.Problem(Build.DaySlots(days), people, requests) with
        {
            Horizon = new NodaTime.DateInterval(Build.Day0, Build.Day0.PlusDays(days - 1)),
            MaxIterations = 100,
            TimeLimit = NodaTime.Duration.FromSeconds(60),
            Workers = 2,
        };
        var solution = RosterSolver.Solve(problem);
        Assert.Equal(days, solution.Assignments.Count);
        Assert.Empty(RosterValidator.Validate(problem, solution.Assignments).HardViolations);
    }

    [Fact]
    public void Reserve_IsAtMostEightPercentOfTheLimit_AndSmallerForSmallProblems()
    {
        // A month of a hundred people: a second or so whatever the limit.
        Assert.InRange(RosterSolver.ReserveSeconds(60, 100, 28), 1, 1.2);
        Assert.InRange(RosterSolver.ReserveSeconds(600, 100, 28), 1, 1.2);
        // A year of 150 people needs more; a short limit keeps its 8 %.
        Assert.True(RosterSolver.ReserveSeconds(120, 150, 364) > RosterSolver.ReserveSeconds(120, 100, 28));
        Assert.Equal(0.08 * 5, RosterSolver.ReserveSeconds(5, 150, 364), 6);
        Assert.True(RosterSolver.ReserveSeconds(120, 150, 364) <= 0.08 * 120);
    }
}
