using NodaTime;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Rules;

public sealed class RuleJsonTests
{
    [Fact]
    public void Serialize_EveryRuleType_RoundTrips()
    {
        Rule[] rules =
        [
            new QualificationRule(), new EmploymentTypeRule("staff", [EmploymentType.Formal]), new NoOverlapRule(),
            new MinRestRule(Duration.FromHours(24)) { AfterShiftCode = "L" }, new ForbiddenSuccessionRule("N", "D"),
            new ConsecutiveDutyDaysRule { Min = 2, Max = 5, PersonIds = ["a"] }, new MinConsecutiveDaysOffRule(2),
            new WorkloadLimitRule { MaxShifts = 6, ShiftCode = "N", Period = new DateInterval(new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 31)) },
            new MaxWeekendsRule(2), new AvailabilityRule(), new TagRequirementRule("first-aid", 1) { ShiftCode = "N" },
            new CoverageRule(100, 1), new RequestRule("a", new LocalDate(2027, 1, 3), false, 2), new FairnessRule("staff", 1) { HolidayWeight = 3 },
            new SpreadRule(3, 1), new StabilityRule(10), new StandbyFairnessRule("leader", 2) { WeekendWeight = 1 },
            new MinRestRule(Duration.FromHours(12)) { CountsStandby = true },
        ];
        var json = RuleJson.Serialize(rules);
        var (parsed, errors) = RuleJson.Parse(json);
        Assert.Empty(errors);
        Assert.Equal(rules.Select(r => r.RuleType), parsed.Select(r => r.RuleType));
        Assert.Equal(json, RuleJson.Serialize(parsed));
        Assert.Contains("\"type\":\"minRest\"", json, StringComparison.Ordinal);
        Assert.Contains("\"countsStandby\":true", json, StringComparison.Ordinal);
        Assert.True(parsed.OfType<MinRestRule>().Single(r => r.Rest == Duration.FromHours(12)).CountsStandby);
        // false is the default and is not written: only the one rule that counts standby carries the field.
        Assert.Equal(2, json.Split("countsStandby").Length);
    }

    [Fact]
    public void Parse_UnknownType_ReturnsErrorNamingTypeField()
    {
        var (rules, errors) = RuleJson.Parse("""[{"type":"maxHappiness","value":3}]""");
        Assert.Empty(rules);
        var error = Assert.Single(errors);
        Assert.Equal((0, "type"), (error.Index, error.Field));
        Assert.Contains("maxHappiness", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MinAboveMax_ReturnsErrorNamingRuleAndField()
    {
        var (_, errors) = RuleJson.Parse("""[{"type":"stability","weight":1},{"type":"workload","minShifts":5,"maxShifts":3}]""");
        var error = Assert.Single(errors);
        Assert.Equal((1, "workload", "minShifts"), (error.Index, error.RuleType, error.Field));
    }

    [Fact]
    public void Parse_WrongFieldType_ReturnsErrorNotException()
    {
        var (_, errors) = RuleJson.Parse("""[{"type":"maxWeekends","max":"many"}]""");
        Assert.Equal("maxWeekends", Assert.Single(errors).RuleType);
    }

    [Fact]
    public void Check_NegativeRest_NamesField()
    {
        var error = Assert.Single(RuleSet.Check([new MinRestRule(Duration.FromHours(-1))]));
        Assert.Equal(("minRest", "rest"), (error.RuleType, error.Field));
    }
}
