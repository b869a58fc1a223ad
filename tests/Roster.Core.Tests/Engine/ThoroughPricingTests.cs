using Roster.Bench.Curtois;
using Roster.Core.Engine.Search;

namespace Roster.Core.Tests.Engine;

/// <summary>
/// Column pricing where limits are priced by multipliers (Data/ThreeLimits.txt: three per-shift limits, one tracked by the
/// row program): thorough pricing sees every row quick pricing sees, and finds cheaper rows inside the limits.
/// </summary>
public sealed class ThoroughPricingTests
{
    private static readonly SolverModel Model = ModelBuilder.Build(CurtoisMapper.ToProblem(
        CurtoisReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "ThreeLimits.txt"))), null)).Model;

    [Fact]
    public void ThoroughPricing_NeverMissesAQuickRow_AndSometimesFindsACheaperOne()
    {
        var optimizer = new RowOptimizer(Model);
        var random = new Random(7);
        var cheaper = 0;
        for (var draw = 0; draw < 50; draw++)
        {
            var duals = Model.Cells.Select(_ => random.NextDouble() * 100).ToArray();
            var quick = Cheapest(optimizer, duals, thorough: false);
            var thorough = Cheapest(optimizer, duals, thorough: true);
            Assert.True(thorough <= quick + 1e-9, $"draw {draw}: thorough {thorough} above quick {quick}");
            cheaper += thorough < quick - 1e-9 ? 1 : 0;
        }

        Assert.True(cheaper > 0, "thorough pricing never found a cheaper row");
    }

    /// <summary>The lowest price of a row inside every limit that pricing reports (every reported row is checked legal).</summary>
    private static double Cheapest(RowOptimizer optimizer, double[] duals, bool thorough)
    {
        var best = double.PositiveInfinity;
        optimizer.Price(0, duals, null, (row, price) =>
        {
            Assert.Equal(0, new SearchState(Model, [row]).HardOf(0));
            best = Math.Min(best, price);
        }, thorough: thorough);
        return best;
    }
}
