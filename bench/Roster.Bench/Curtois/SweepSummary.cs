namespace Roster.Bench.Curtois;

/// <summary>Per instance over a sweep's runs: how many, how many ended with a hard violation, and the worst and median
/// ratio to the best known value (over every run: an illegal run's ratio counts like any other).</summary>
internal sealed record SweepSummary(int Instance, int Runs, int IllegalRuns, double? WorstRatio, double? MedianRatio)
{
    public static IReadOnlyList<SweepSummary> Of(IEnumerable<CurtoisRun> runs) => runs
        .GroupBy(r => r.Instance)
        .OrderBy(g => g.Key)
        .Select(g =>
        {
            var ratios = g.Where(r => r.Ratio is not null).Select(r => r.Ratio!.Value).Order().ToList();
            return new SweepSummary(g.Key, g.Count(), g.Count(r => r.HardViolations > 0),
                ratios.Count == 0 ? null : ratios[^1], ratios.Count == 0 ? null : Median(ratios));
        })
        .ToList();

    private static double Median(List<double> sorted) => sorted.Count % 2 == 1
        ? sorted[sorted.Count / 2]
        : Math.Round((sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 4);
}
