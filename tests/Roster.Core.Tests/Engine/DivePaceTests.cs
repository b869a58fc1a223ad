using Roster.Core.Engine.Search;

namespace Roster.Core.Tests.Engine;

/// <summary>A dive step fixes enough days that, at the last step's pace, the steps left could fix every day still open:
/// a dive that runs out of time yields a roster far worse than a finished one.</summary>
public sealed class DivePaceTests
{
    private static readonly ColumnSearch.DayPick[] Picks =
    [
        new(0, 1, 0, 0.9), new(0, 2, 1, 0.5), new(1, 1, 0, 0.7), new(1, 3, 2, 0.8), new(2, 4, 0, 0.3),
        new(2, 5, 1, 0.6), new(3, 0, 0, 0.4), new(3, 6, 1, 0.2), new(4, 2, 0, 0.55), new(4, 4, 1, 0.65),
    ];

    [Fact]
    public void OnPace_TheStepKeepsItsOwnChoice()
    {
        var chosen = new List<ColumnSearch.DayPick> { Picks[0] };
        // One tick a step, a hundred left: ten picks need a tenth of the time.
        ColumnSearch.KeepPace(chosen, Picks, lastStep: 1, left: 100);
        Assert.Equal([Picks[0]], chosen);
    }

    [Fact]
    public void BeforeTheFirstStep_NothingIsAdded()
    {
        var chosen = new List<ColumnSearch.DayPick> { Picks[0] };
        ColumnSearch.KeepPace(chosen, Picks, lastStep: 0, left: 1);
        Assert.Single(chosen);
    }

    [Fact]
    public void BehindPace_TheSurestOtherDaysAreAdded()
    {
        var chosen = new List<ColumnSearch.DayPick> { Picks[0] };
        // Two steps left: each must fix half of the ten picks.
        ColumnSearch.KeepPace(chosen, Picks, lastStep: 10, left: 20);
        Assert.Equal(5, chosen.Count);
        Assert.Equal([0.9, 0.8, 0.7, 0.65, 0.6], chosen.Select(x => x.Value));
    }

    [Fact]
    public void OutOfTime_EveryPickIsFixedOnce()
    {
        var chosen = new List<ColumnSearch.DayPick> { Picks[1] };
        ColumnSearch.KeepPace(chosen, Picks, lastStep: 10, left: 0);
        Assert.Equal(Picks.Length, chosen.Count);
        Assert.Equal(Picks.Length, chosen.Select(x => (x.Person, x.Day)).Distinct().Count());
    }
}
