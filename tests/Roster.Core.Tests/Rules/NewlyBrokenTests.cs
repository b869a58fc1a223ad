using Roster.Core.Engine;
using Roster.Core.Rules;
using static Roster.Core.Tests.Build;

namespace Roster.Core.Tests.Rules;

public sealed class NewlyBrokenTests
{
    // a and b overlap; c is the next day.
    private static readonly RosterProblem Problem3 =
        Problem([Slot("a", 0, hours: 12), Slot("b", 0, "N", startHour: 19), Slot("c", 1)], [Person("ann"), Person("bob")]);

    [Fact]
    public void NewlyBroken_ChangeAddsAnOverlap_ReturnsIt()
    {
        var broken = RosterValidator.NewlyBroken(Problem3, Build.Roster(("a", "ann"), ("b", "bob")), Build.Roster(("a", "ann"), ("b", "ann")));
        Assert.Contains(broken, v => v.RuleType == "noOverlap");
        Assert.All(broken, v => Assert.Equal("ann", v.PersonId));
    }

    [Fact]
    public void NewlyBroken_ViolationThereBefore_IsNotReported()
    {
        var before = Build.Roster(("a", "ann"), ("b", "ann"));
        var after = Build.Roster(("a", "ann"), ("b", "ann"), ("c", "bob"));
        Assert.NotEmpty(RosterValidator.Validate(Problem3, after).HardViolations);
        Assert.Empty(RosterValidator.NewlyBroken(Problem3, before, after));
    }
}
