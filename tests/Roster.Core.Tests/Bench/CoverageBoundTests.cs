using Roster.Bench.Curtois;

namespace Roster.Core.Tests.Bench;

/// <summary>The bench's lower bound on coverage, on hand-made instances whose bound is worked out by hand.</summary>
public sealed class CoverageBoundTests
{
    [Fact]
    public void Of_WeekendWhoseShiftsCannotPair_CountsTheSlotsNobodyCanWork()
    {
        // Weekend 1 asks for two L on Saturday and two E on Sunday, and E may not follow L: no whole weekend there.
        // Weekend 2 asks for one E each day: one whole weekend. Two people with one weekend each: one works weekend 2
        // whole, the other one day of weekend 1, so 3 of the 6 weekend slots stay empty.
        var shifts = new[] { new CurtoisShift("E", 480, []), new CurtoisShift("L", 480, ["E"]) };
        var cover = new List<CurtoisCover> { new(5, "L", 2, 100, 1), new(6, "E", 2, 100, 1), new(12, "E", 1, 100, 1), new(13, "E", 1, 100, 1) };
        var (empty, above, cost) = CoverageBound.Of(Instance(14, shifts, cover, minMinutes: 4 * 480, maxWeekends: 1));
        Assert.Equal(3, empty);
        // Each must work four shifts (eight in all); the three slots that can be filled take three: five above.
        Assert.Equal(5, above);
        Assert.Equal((3 * 100) + 5, cost);
    }

    [Fact]
    public void Of_PairingThatNeedsAnAugmentingPath_FindsTheMaximumMatching()
    {
        // Y may not follow Y. Pairing X with X first leaves Y with nothing; the maximum pairs X-Y and Y-X.
        var shifts = new[] { new CurtoisShift("X", 480, []), new CurtoisShift("Y", 480, ["Y"]) };
        var cover = new List<CurtoisCover> { new(5, "X", 1, 100, 1), new(5, "Y", 1, 100, 1), new(6, "X", 1, 100, 1), new(6, "Y", 1, 100, 1) };
        Assert.Equal(0, CoverageBound.Of(Instance(7, shifts, cover, minMinutes: 0, maxWeekends: 1)).EmptyWeekendSlots);
        // Two people, but only one may work a weekend at all: one pair, two slots empty.
        Assert.Equal(2, CoverageBound.Of(Instance(7, shifts, cover, minMinutes: 0, maxWeekends: 1, secondMaxWeekends: 0)).EmptyWeekendSlots);
    }

    private static CurtoisInstance Instance(int days, CurtoisShift[] shifts, List<CurtoisCover> cover, int minMinutes, int maxWeekends, int? secondMaxWeekends = null)
    {
        var maxShifts = shifts.ToDictionary(s => s.Id, _ => days);
        CurtoisStaff Person(string id, int weekends) => new(id, maxShifts, days * 480, minMinutes, 5, 1, 1, weekends);
        return new CurtoisInstance(days, shifts, [Person("A", maxWeekends), Person("B", secondMaxWeekends ?? maxWeekends)], [], [], [], cover);
    }
}
