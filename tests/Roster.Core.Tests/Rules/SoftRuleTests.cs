using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;
using static Roster.Core.Tests.Build;

namespace Roster.Core.Tests.Rules;

public sealed class SoftRuleTests
{
    private static readonly Person Ann = Person("ann");
    private static readonly Person Bob = Person("bob");

    [Fact]
    public void Coverage_EmptyRequiredAndFilledOptional_ChargeUnderAndOverWeights()
    {
        var problem = Problem([Slot("a", 0), Slot("b", 0, optional: true), Slot("c", 1)], [Ann, Bob], new CoverageRule(100, 1));
        Assert.Equal(100, Soft(problem, "coverage", ("a", "ann")));
        Assert.Equal(1, Soft(problem, "coverage", ("a", "ann"), ("b", "bob"), ("c", "ann")));
        Assert.Equal(0, Soft(problem, "coverage", ("a", "ann"), ("c", "ann")));
    }

    [Fact]
    public void Request_NotHonoured_ChargesWeight()
    {
        var problem = Problem(DaySlots(2), [Ann], new RequestRule("ann", Day0, true, 2), new RequestRule("ann", Day0.PlusDays(1), false, 3) { ShiftCode = "D" });
        Assert.Equal(5, Soft(problem, "request", ("d1", "ann")));
        Assert.Equal(0, Soft(problem, "request", ("d0", "ann")));
    }

    [Fact]
    public void Fairness_UnequalWeightedLoads_ChargesSquaredDeviation()
    {
        var slots = new List<Slot> { Slot("w", 0), Slot("h", 1, dayType: DayType.Holiday), Slot("n", 2, "N", 20), Slot("x", 3) };
        slots[2] = slots[2] with { IsNight = true };
        var problem = Problem(slots, [Ann, Bob], new FairnessRule(DutyRoles.Staff, 1));
        // ann: workday 1 + holiday 2 = 3; bob: night 1.5 + workday 1 = 2.5; mean 2.75 -> 2 × 0.25² = 0.125.
        Assert.Equal(0.125, Soft(problem, "fairness", ("w", "ann"), ("h", "ann"), ("n", "bob"), ("x", "bob")), 9);
        Assert.Equal(0, Soft(problem, "fairness", ("w", "ann"), ("x", "bob")));
    }

    [Fact]
    public void Spread_DutiesCloserThanWanted_ChargesPerMissingDay()
    {
        var problem = Problem(DaySlots(6), [Ann], new SpreadRule(3, 2));
        Assert.Equal(4, Soft(problem, "spread", ("d0", "ann"), ("d1", "ann")));
        Assert.Equal(0, Soft(problem, "spread", ("d0", "ann"), ("d3", "ann")));
    }

    [Fact]
    public void Stability_PreviousAssignmentChanged_ChargesWeight()
    {
        var problem = Problem(DaySlots(2), [Ann, Bob], new StabilityRule(5)) with { Previous = [new Assignment("d0", "ann"), new Assignment("d1", "bob")] };
        Assert.Equal(5, Soft(problem, "stability", ("d0", "ann"), ("d1", "ann")));
        Assert.Equal(0, Soft(problem, "stability", ("d0", "ann"), ("d1", "bob")));
    }
}
