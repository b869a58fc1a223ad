using NodaTime;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>A weekend day is short when each of its required places can pair with one of the other day's, a shift with
/// one that may follow it; a weekend worked on that day alone then takes a place a whole weekend could have filled.</summary>
public sealed class WeekendPairsTests
{
    // Build.Day0 is a Monday: days 5 and 6 are its weekend.
    private const int Saturday = 5;
    private const int Sunday = 6;

    [Fact]
    public void TheSideWhosePlacesAllPair_IsShort_TheOtherIsNot()
    {
        // Two day shifts on Saturday, one night on Sunday: a day may be followed by a night, so the one Sunday place pairs.
        var shortDays = ShortDays(("D", Saturday), ("D", Saturday), ("N", Sunday));
        Assert.True(shortDays[Sunday]);
        Assert.False(shortDays[Saturday]);
        Assert.All(Enumerable.Range(0, 5), d => Assert.False(shortDays[d]));
    }

    [Fact]
    public void APairThatMayNotFollow_LeavesNeitherSideShort()
    {
        // A night may not be followed by a day: the Saturday night and the Sunday day cannot be one weekend's duties.
        var shortDays = ShortDays(("N", Saturday), ("D", Sunday));
        Assert.False(shortDays[Saturday]);
        Assert.False(shortDays[Sunday]);
    }

    [Fact]
    public void EqualSidesThatPair_AreBothShort()
    {
        var shortDays = ShortDays(("D", Saturday), ("N", Saturday), ("D", Sunday), ("N", Sunday));
        Assert.True(shortDays[Saturday]);
        Assert.True(shortDays[Sunday]);
    }

    [Fact]
    public void MorePlacesThanPairs_OnBothSides_LeaveNeitherShort()
    {
        // Saturday's night pairs only with Sunday's night, Sunday's day only with Saturday's day: one of each side is left.
        var shortDays = ShortDays(("N", Saturday), ("N", Saturday), ("D", Sunday), ("N", Sunday));
        Assert.False(shortDays[Saturday]);
        Assert.False(shortDays[Sunday]);
    }

    private static bool[] ShortDays(params (string Shift, int Day)[] places)
    {
        var slots = places.Select((p, i) => Build.Slot($"s{i}", p.Day, p.Shift, startHour: p.Shift == "N" ? 20 : 8, hours: 8)).ToList();
        var people = Enumerable.Range(0, 3).Select(i => Build.Person($"p{i}")).ToList();
        var problem = Build.Problem(slots, people, new ForbiddenSuccessionRule("N", "D")) with
        {
            Horizon = new DateInterval(Build.Day0, Build.Day0.PlusDays(6)),
        };
        return WeekendPairs.ShortDays(ModelBuilder.Build(problem).Model);
    }
}
