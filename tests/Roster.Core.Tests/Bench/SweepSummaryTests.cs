using Roster.Bench;
using Roster.Bench.Curtois;

namespace Roster.Core.Tests.Bench;

public sealed class SweepSummaryTests
{
    [Fact]
    public void ParseInts_RangesAndLists_Expand()
    {
        Assert.Equal([1, 2, 3, 4, 5], Args.ParseInts("1-5"));
        Assert.Equal([1, 4, 7, 8, 9], Args.ParseInts("1,4,7-9"));
        Assert.Equal([24], Args.ParseInts("24"));
    }

    [Fact]
    public void Of_RunsOfTwoInstances_WorstMedianAndIllegalPerInstance()
    {
        CurtoisRun Run(int instance, int seed, double ratio, int hard) =>
            new("abc", instance, 60, null, seed, 2, ratio * 100, ratio, hard, 60, 0, 100);
        var summary = SweepSummary.Of([Run(2, 1, 1.05, 0), Run(1, 1, 1.0, 0), Run(1, 2, 1.3, 0), Run(1, 3, 1.1, 2), Run(2, 2, 1.01, 0)]);

        Assert.Equal([1, 2], summary.Select(s => s.Instance));
        Assert.Equal(new SweepSummary(1, 3, 1, 1.3, 1.1), summary[0]);
        Assert.Equal(new SweepSummary(2, 2, 0, 1.05, 1.03), summary[1]);
    }
}
