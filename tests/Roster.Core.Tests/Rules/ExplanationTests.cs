using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;
using static Roster.Core.Tests.Build;

namespace Roster.Core.Tests.Rules;

public sealed class ExplanationTests
{
    private static readonly Person Ann = Person("ann");

    [Fact]
    public void Explain_PersonOnLeave_NamesLeaveAndDates()
    {
        var problem = Problem(DaySlots(5), [Ann]) with { Unavailability = [new Unavailability("ann", "on leave") { Dates = new DateInterval(Day0.PlusDays(1), Day0.PlusDays(3)) }] };
        var e = ExplainFirst(problem, "d2", "ann");
        Assert.Equal(("availability", "on leave 2027-01-05…2027-01-07"), (e.RuleType, e.Message));
    }

    [Fact]
    public void Explain_RestTooShort_NamesGapAndNeededRest()
    {
        var problem = Problem([Slot("a", 0, startHour: 8, hours: 12), Slot("b", 1, startHour: 6)], [Ann], new MinRestRule(Duration.FromHours(24)));
        var e = ExplainFirst(problem, "b", "ann", ("a", "ann"));
        Assert.Equal(("minRest", "rest: previous shift ends 10 h before, needs 24 h"), (e.RuleType, e.Message));
        Assert.Equal("10:00:00", e.Data["gap"]);
    }

    [Fact]
    public void Explain_AtMaxShifts_SaysAlreadyAtMax()
    {
        var problem = Problem(DaySlots(7), [Ann], new WorkloadLimitRule { MaxShifts = 6 });
        var e = ExplainFirst(problem, "d6", "ann", ("d0", "ann"), ("d1", "ann"), ("d2", "ann"), ("d3", "ann"), ("d4", "ann"), ("d5", "ann"));
        Assert.Equal(("workload", "already at max 6 shifts"), (e.RuleType, e.Message));
    }

    [Fact]
    public void Explain_NotQualified_NamesRole()
    {
        var problem = Problem([Slot("l", 0, "L", role: DutyRoles.Leader)], [Person("lea", DutyRoles.Leader), Ann]);
        var all = RosterValidator.Explain(problem, Build.Roster(), "l");
        Assert.Single(all);
        Assert.Equal("none", all[0].RuleType);
        Assert.Equal(("qualification", "not qualified for role leader"), (ExplainOne(problem, "l", Ann).RuleType, ExplainOne(problem, "l", Ann).Message));
    }

    [Fact]
    public void Explain_ContractOnStaffDuty_NamesEmploymentType()
    {
        var con = Person("con", type: EmploymentType.Contract);
        var e = ExplainFirst(Problem(DaySlots(1), [con]), "d0", "con");
        Assert.Equal(("employmentType", "contract employees may not take staff duty"), (e.RuleType, e.Message));
    }

    [Fact]
    public void Explain_OverlappingSlot_NamesOverlap()
    {
        var problem = Problem([Slot("a", 0, hours: 24, role: DutyRoles.Staff), Slot("b", 1, startHour: 6)], [Ann]);
        Assert.Equal("noOverlap", ExplainFirst(problem, "b", "ann", ("a", "ann")).RuleType);
    }

    [Fact]
    public void Explain_ForbiddenSuccession_NamesShifts()
    {
        var problem = Problem([Slot("n0", 0, "N", startHour: 20), Slot("d1", 1, startHour: 9)], [Ann], new ForbiddenSuccessionRule("N", "D"));
        var e = ExplainFirst(problem, "d1", "ann", ("n0", "ann"));
        Assert.Equal(("forbiddenSuccession", "D on 2027-01-05 may not follow N on 2027-01-04"), (e.RuleType, e.Message));
    }

    [Fact]
    public void Explain_RunWouldExceedMax_SaysWouldMake()
    {
        var problem = Problem(DaySlots(4), [Ann], new ConsecutiveDutyDaysRule { Max = 3 });
        var e = ExplainFirst(problem, "d3", "ann", ("d0", "ann"), ("d1", "ann"), ("d2", "ann"));
        Assert.Equal(("consecutiveDutyDays", "would make 4 consecutive duty days 2027-01-04…2027-01-07, max 3"), (e.RuleType, e.Message));
    }

    [Fact]
    public void Explain_BreakWouldBeTooShort_SaysWouldLeave()
    {
        var problem = Problem(DaySlots(5), [Ann], new MinConsecutiveDaysOffRule(2));
        var e = ExplainFirst(problem, "d2", "ann", ("d0", "ann"), ("d4", "ann"));
        Assert.Equal("minConsecutiveDaysOff", e.RuleType);
        Assert.StartsWith("would leave only 1 days off", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_AtMaxWeekends_SaysAlreadyAtMax()
    {
        var problem = Problem(DaySlots(14), [Ann], new MaxWeekendsRule(1));
        var e = ExplainFirst(problem, "d12", "ann", ("d5", "ann"));
        Assert.Equal(("maxWeekends", "already at max 1 weekends"), (e.RuleType, e.Message));
    }

    [Fact]
    public void Explain_SecondShiftSameDay_SaysOneShiftPerDay()
    {
        var problem = Problem([Slot("a", 0, startHour: 0, hours: 4), Slot("b", 0, "N", startHour: 20, hours: 4)], [Ann]);
        Assert.Equal("oneShiftPerDay", ExplainFirst(problem, "b", "ann", ("a", "ann")).RuleType);
    }

    [Fact]
    public void Explain_NothingExcludes_SaysNone()
    {
        Assert.Equal("none", ExplainFirst(Problem(DaySlots(1), [Ann]), "d0", "ann").RuleType);
    }

    private static Exclusion ExplainOne(RosterProblem problem, string slotId, Person person) =>
        RuleSet.Effective(problem).Where(r => r.IsHard).Select(r => r.Explain(new RosterView(problem, Build.Roster()), problem.Slots.Single(s => s.Id == slotId), person)).First(e => e is not null)!;
}
