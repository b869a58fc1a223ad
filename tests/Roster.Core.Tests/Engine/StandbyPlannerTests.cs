using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

public sealed class StandbyPlannerTests
{
    private const int Days = 14;

    [Fact]
    public void Solve_WithStandby_HardRulesHoldAndStandbyIsSpreadFairly()
    {
        var problem = Problem();
        var solution = RosterSolver.Solve(problem);
        var plan = solution.Standby;
        Assert.Empty(RosterValidator.Validate(problem, solution.Assignments).HardViolations);
        Assert.Empty(plan.Unfilled);
        Assert.Equal(problem.StandbySlots.Count, plan.Assignments.Count);
        var slots = problem.Slots.Concat(problem.StandbySlots).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var people = problem.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var (slotId, personId) in plan.Assignments)
        {
            var slot = slots[slotId];
            Assert.Contains(slot.Role, people[personId].Roles);
            Assert.False(personId == "l0" && slot.Date <= Build.Day0.PlusDays(2), $"l0 is on leave but stands by in {slotId}");
            // Nobody stands by while on duty or on another standby.
            var own = solution.Assignments.Concat(plan.Assignments).Where(a => a.Value == personId && a.Key != slotId).Select(a => slots[a.Key]);
            Assert.DoesNotContain(own, o => o.Interval.Start < slot.Interval.End && slot.Interval.Start < o.Interval.End);
        }

        foreach (var role in new[] { DutyRoles.Leader, DutyRoles.Staff })
        {
            var counts = problem.People.Where(p => p.Roles.Contains(role)).Select(p => plan.Assignments.Count(a => a.Value == p.Id && slots[a.Key].Role == role)).ToList();
            Assert.True(counts.Max() - counts.Min() <= 1, $"{role} standby counts {string.Join(",", counts)}");
        }
        Assert.Equal(plan.FairnessPenalty, solution.Report.ScoreByRule["standbyFairness"]);
    }

    [Fact]
    public void Solve_WithStandby_DutyRosterIsTheSameAsWithout()
    {
        var with = RosterSolver.Solve(Problem());
        var without = RosterSolver.Solve(Problem() with { StandbySlots = [] });
        Assert.Equal(without.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal), with.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Empty(without.Standby.Assignments);
        Assert.False(without.Report.ScoreByRule.ContainsKey("standbyFairness"));
    }

    [Fact]
    public void Solve_WithStandby_SameSeedSamePlan()
    {
        var first = RosterSolver.Solve(Problem()).Standby.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var second = RosterSolver.Solve(Problem()).Standby.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Plan_RestRuleCountingStandby_KeepsStandbyAwayFromDuty()
    {
        // One person: a day duty 08-20, then a night standby 20-08. Rest counts standby only when the rule says so.
        var duty = Build.Slot("d0", 0);
        var night = Build.Slot("s0", 0, shift: "N", startHour: 20);
        var rest = new MinRestRule(Duration.FromHours(12));
        var problem = Build.Problem([duty], [Build.Person("ann")], rest) with { StandbySlots = [night] };
        var duties = Build.Roster(("d0", "ann"));

        Assert.Equal("ann", StandbyPlanner.Plan(problem, duties).Assignments["s0"]);
        var counting = problem with { Rules = [rest with { CountsStandby = true }] };
        var plan = StandbyPlanner.Plan(counting, duties);
        Assert.Empty(plan.Assignments);
        Assert.Equal(["s0"], plan.Unfilled);
        Assert.StartsWith("rest:", StandbyPlanner.Reason(counting, duties, plan.Assignments, night, problem.People[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OverlapAndLeave_AlwaysBar()
    {
        var duty = Build.Slot("d0", 0);
        var standby = Build.Slot("s0", 0, shift: "SB");
        var ann = Build.Person("ann");
        var bob = Build.Person("bob");
        var problem = Build.Problem([duty], [ann, bob]) with
        {
            StandbySlots = [standby],
            Unavailability = [new Unavailability("bob", "on leave") { Dates = new DateInterval(Build.Day0, Build.Day0) }],
        };
        var duties = Build.Roster(("d0", "ann"));
        var plan = StandbyPlanner.Plan(problem, duties);
        Assert.Empty(plan.Assignments);
        Assert.StartsWith("busy:", StandbyPlanner.Reason(problem, duties, plan.Assignments, standby, ann), StringComparison.Ordinal);
        Assert.Equal("on leave", StandbyPlanner.Reason(problem, duties, plan.Assignments, standby, bob));
    }

    [Fact]
    public void Plan_StandbyFairnessWeight_ScalesTheCharge()
    {
        var problem = Problem();
        var duties = RosterSolver.Solve(problem).Assignments;
        var plain = StandbyPlanner.Plan(problem, duties);
        var weighted = StandbyPlanner.Plan(problem with { Rules = [.. problem.Rules, new StandbyFairnessRule(DutyRoles.Leader, 10), new StandbyFairnessRule(DutyRoles.Staff, 10)] }, duties);
        Assert.Equal(plain.Assignments, weighted.Assignments);
        Assert.Equal(plain.FairnessPenalty * 10, weighted.FairnessPenalty, 6);
    }

    /// <summary>Two weeks of a day leader and two day staff, one standby leader and one standby staff per day;
    /// four leaders (l0 on leave the first three days) and six staff.</summary>
    private static RosterProblem Problem()
    {
        var slots = new List<Slot>();
        var standby = new List<Slot>();
        for (var d = 0; d < Days; d++)
        {
            slots.Add(Build.Slot($"l{d}", d, role: DutyRoles.Leader));
            slots.Add(Build.Slot($"s{d}a", d));
            slots.Add(Build.Slot($"s{d}b", d));
            standby.Add(Build.Slot($"sb-l{d}", d, role: DutyRoles.Leader));
            standby.Add(Build.Slot($"sb-s{d}", d));
        }
        var people = Enumerable.Range(0, 4).Select(i => Build.Person($"l{i}", DutyRoles.Leader))
            .Concat(Enumerable.Range(0, 6).Select(i => Build.Person($"p{i}"))).ToList();
        return Build.Problem(slots, people, new FairnessRule(DutyRoles.Leader, 1), new FairnessRule(DutyRoles.Staff, 1), new ConsecutiveDutyDaysRule { Max = 4 }) with
        {
            StandbySlots = standby,
            Unavailability = [new Unavailability("l0", "on leave") { Dates = new DateInterval(Build.Day0, Build.Day0.PlusDays(2)) }],
            MaxIterations = 20_000,
            Seed = 3,
        };
    }
}
