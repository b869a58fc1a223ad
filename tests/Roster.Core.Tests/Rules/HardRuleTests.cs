using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;
using static Roster.Core.Tests.Build;

namespace Roster.Core.Tests.Rules;

public sealed class HardRuleTests
{
    private static readonly Person Ann = Person("ann");

    [Fact]
    public void Qualification_PersonWithoutRole_Violates()
    {
        var problem = Problem(DaySlots(1), [Person("lea", DutyRoles.Leader)]);
        Assert.Single(Hard(problem, "qualification", ("d0", "lea")));
        Assert.Empty(Hard(Problem(DaySlots(1), [Ann]), "qualification", ("d0", "ann")));
    }

    [Fact]
    public void EmploymentType_ContractOnStaffDuty_ViolatesByDefault()
    {
        var problem = Problem(DaySlots(1), [Person("con", type: EmploymentType.Contract), Ann]);
        Assert.Single(Hard(problem, "employmentType", ("d0", "con")));
        Assert.Empty(Hard(problem, "employmentType", ("d0", "ann")));
    }

    [Fact]
    public void EmploymentType_ExplicitRuleAllowsContract_Passes()
    {
        var problem = Problem(DaySlots(1), [Person("con", type: EmploymentType.Contract)], new EmploymentTypeRule(DutyRoles.Staff, [EmploymentType.Formal, EmploymentType.Contract]));
        Assert.Empty(Hard(problem, "employmentType", ("d0", "con")));
    }

    [Fact]
    public void NoOverlap_OverlappingSlots_ViolatesButBackToBackPasses()
    {
        var problem = Problem([Slot("a", 0, hours: 12), Slot("b", 0, "N", startHour: 19), Slot("c", 0, "N", startHour: 20)], [Ann]);
        Assert.Single(Hard(problem, "noOverlap", ("a", "ann"), ("b", "ann")));
        Assert.Empty(Hard(problem, "noOverlap", ("a", "ann"), ("c", "ann")));
    }

    [Fact]
    public void MinRest_GapShorterThanRest_Violates()
    {
        var problem = Problem([Slot("a", 0), Slot("b", 1), Slot("c", 2, startHour: 10)], [Ann], new MinRestRule(Duration.FromHours(14)));
        Assert.Single(Hard(problem, "minRest", ("a", "ann"), ("b", "ann")));
        Assert.Empty(Hard(problem, "minRest", ("a", "ann"), ("c", "ann")));
    }

    [Fact]
    public void ForbiddenSuccession_ToAfterFromNextDay_Violates()
    {
        var problem = Problem([Slot("n0", 0, "N", startHour: 20), Slot("d1", 1, "D"), Slot("d0", 0, "D"), Slot("n1", 1, "N", startHour: 20)], [Ann], new ForbiddenSuccessionRule("N", "D"));
        Assert.Single(Hard(problem, "forbiddenSuccession", ("n0", "ann"), ("d1", "ann")));
        Assert.Empty(Hard(problem, "forbiddenSuccession", ("d0", "ann"), ("n1", "ann")));
    }

    [Fact]
    public void ConsecutiveDutyDays_RunAboveMax_Violates()
    {
        var problem = Problem(DaySlots(5), [Ann], new ConsecutiveDutyDaysRule { Max = 3 });
        Assert.Single(Hard(problem, "consecutiveDutyDays", ("d0", "ann"), ("d1", "ann"), ("d2", "ann"), ("d3", "ann")));
        Assert.Empty(Hard(problem, "consecutiveDutyDays", ("d0", "ann"), ("d1", "ann"), ("d2", "ann")));
    }

    [Fact]
    public void ConsecutiveDutyDays_ShortRunInsideHorizon_ViolatesMinButEdgeRunIsExempt()
    {
        var problem = Problem(DaySlots(5), [Ann], new ConsecutiveDutyDaysRule { Min = 2 });
        Assert.Single(Hard(problem, "consecutiveDutyDays", ("d2", "ann")));
        Assert.Empty(Hard(problem, "consecutiveDutyDays", ("d0", "ann"), ("d4", "ann")));
    }

    [Fact]
    public void MinConsecutiveDaysOff_ShortBreak_ViolatesButEdgeBreakIsExempt()
    {
        var problem = Problem(DaySlots(5), [Ann], new MinConsecutiveDaysOffRule(2));
        Assert.Single(Hard(problem, "minConsecutiveDaysOff", ("d1", "ann"), ("d3", "ann")));
        Assert.Empty(Hard(problem, "minConsecutiveDaysOff", ("d1", "ann"), ("d2", "ann")));
    }

    [Fact]
    public void Workload_AboveMaxShifts_Violates()
    {
        var problem = Problem(DaySlots(3), [Ann], new WorkloadLimitRule { MaxShifts = 2 });
        Assert.Single(Hard(problem, "workload", ("d0", "ann"), ("d1", "ann"), ("d2", "ann")));
        Assert.Empty(Hard(problem, "workload", ("d0", "ann"), ("d1", "ann")));
    }

    [Fact]
    public void Workload_BelowMinMinutesOrAboveShiftTypeMax_Violates()
    {
        var problem = Problem([.. DaySlots(3), Slot("n0", 0, "N", 20)], [Ann], new WorkloadLimitRule { MinMinutes = 1440 }, new WorkloadLimitRule { ShiftCode = "N", MaxShifts = 0 });
        Assert.Single(Hard(problem, "workload", ("d0", "ann")));
        Assert.Single(Hard(problem, "workload", ("d0", "ann"), ("d1", "ann"), ("n0", "ann")));
        Assert.Empty(Hard(problem, "workload", ("d0", "ann"), ("d1", "ann")));
    }

    [Fact]
    public void MaxWeekends_TwoWeekendsWithMaxOne_Violates()
    {
        var problem = Problem(DaySlots(14), [Ann], new MaxWeekendsRule(1));
        Assert.Single(Hard(problem, "maxWeekends", ("d5", "ann"), ("d13", "ann")));
        Assert.Empty(Hard(problem, "maxWeekends", ("d5", "ann"), ("d6", "ann")));
    }

    [Fact]
    public void Availability_SlotDuringLeave_Violates()
    {
        var problem = Problem(DaySlots(5), [Ann]) with { Unavailability = [new Unavailability("ann", "on leave") { Dates = new DateInterval(Day0.PlusDays(1), Day0.PlusDays(2)) }] };
        Assert.Single(Hard(problem, "availability", ("d2", "ann")));
        Assert.Empty(Hard(problem, "availability", ("d3", "ann")));
    }

    [Fact]
    public void TagRequirement_NoTaggedPersonOnShift_Violates()
    {
        var problem = Problem([Slot("a", 0), Slot("b", 0)], [Ann, Person("bob", tags: "first-aid")], new TagRequirementRule("first-aid", 1));
        Assert.Single(Hard(problem, "tagRequirement", ("a", "ann")));
        Assert.Empty(Hard(problem, "tagRequirement", ("a", "ann"), ("b", "bob")));
    }

    [Fact]
    public void Pinned_AssignmentRemoved_Violates()
    {
        var problem = Problem(DaySlots(1), [Ann]) with { Pinned = [new Assignment("d0", "ann")] };
        Assert.Single(Hard(problem, "pinned"));
        Assert.Empty(Hard(problem, "pinned", ("d0", "ann")));
    }
}
