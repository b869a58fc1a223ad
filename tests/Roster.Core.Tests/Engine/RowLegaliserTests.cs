using Roster.Bench.Curtois;
using Roster.Core.Engine.Search;

namespace Roster.Core.Tests.Engine;

/// <summary>The descent that mends a row the row program left illegal (see the instance's own comments in Data/Fortnight.txt).</summary>
public sealed class RowLegaliserTests
{
    private static readonly SolverModel Model = ModelBuilder.Build(CurtoisMapper.ToProblem(
        CurtoisReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Fortnight.txt"))), null)).Model;

    [Fact]
    public void Mend_MinutesShortOfANarrowWindow_ChangesShiftsWorkedToLongerOnes()
    {
        // C works ten 480-minute shifts, 4,800 minutes: 180 short of the 4,980 it must work.
        var row = Row(day => day % 7 < 5 ? 480 : 0);
        var state = new SearchState(Model, [row, Row(_ => 0)]);
        Assert.True(state.HardOf(0) > 0);

        var mended = (int[])row.Clone();
        Assert.True(RowLegaliser.Mend(Model, state, 0, mended, long.MaxValue, CancellationToken.None));

        var after = new SearchState(Model, [mended, Row(_ => 0)]);
        Assert.Equal(0, after.HardOf(0));
        Assert.Equal(10, mended.Count(c => c >= 0));
        Assert.Equal(3, mended.Count(c => c >= 0 && Model.Cells[c].Minutes == 540));
    }

    [Fact]
    public void Mend_OneWeekendTooMany_GivesAWeekendUpAndRefillsTheWeek()
    {
        // W works Wednesday to Sunday twice: the 4,800 minutes it must, but two weekends where one is allowed.
        var row = Row(day => day % 7 >= 2 ? 480 : 0);
        var state = new SearchState(Model, [Row(_ => 0), row]);
        Assert.True(state.HardOf(1) > 0);

        var mended = (int[])row.Clone();
        Assert.True(RowLegaliser.Mend(Model, state, 1, mended, long.MaxValue, CancellationToken.None));

        var after = new SearchState(Model, [Row(_ => 0), mended]);
        Assert.Equal(0, after.HardOf(1));
        Assert.Equal(10, mended.Count(c => c >= 0));
        Assert.DoesNotContain(mended, c => c >= 0 && Model.Cells[c].Minutes != 480);
    }

    /// <summary>A row working, on each day, the shift of the given length (0: off).</summary>
    private static int[] Row(Func<int, int> minutes) => Enumerable.Range(0, Model.Days)
        .Select(day => minutes(day) == 0 ? -1 : Model.CellsOfDay[day].First(c => Model.Cells[c].Minutes == minutes(day)))
        .ToArray();
}
