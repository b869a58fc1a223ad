using NodaTime;
using Roster.Bench.District;
using Roster.Core.Rules;

namespace Roster.Bench;

/// <summary>Prints the district generator's rules as JSON: a worked example of the rule format for API clients.</summary>
internal static class RulesExample
{
    public static int Run()
    {
        var rules = DistrictGenerator.Unit(0, 1).Rules.Take(9).Append(new MaxWeekendsRule(2) { PersonIds = ["u000-S1"] })
            .Append(new RequestRule("u000-S1", new LocalDate(2027, 1, 9), false, 2) { ShiftCode = "N" }).Append(new CoverageRule(1000, 1) { Role = "staff" })
            .Append(new EmploymentTypeRule("staff", [Core.Model.EmploymentType.Formal])).Append(new ForbiddenSuccessionRule("N", "D")).Append(new MinConsecutiveDaysOffRule(2))
            .ToList();
        Console.WriteLine(RuleJson.Serialize(rules));
        return 0;
    }
}
