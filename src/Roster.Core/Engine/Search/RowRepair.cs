using System.Diagnostics;

namespace Roster.Core.Engine.Search;

/// <summary>Rebuilds every row that breaks a hard rule with the row program (<see cref="RowOptimizer"/>), hard rules
/// priced far above everything else: the cheapest row for that person given everyone else's, legal where the program
/// finds one. Every hard rule but tag needs concerns one person, so a pass over the broken rows removes most of a roster's
/// violations at the cost of one row program each.</summary>
/// <remarks>Used where the annealer alone is slow to legality: on a start far from legal, and in the grace after the time
/// limit. A CP-SAT model per row with the rules as constraints was tried first: exact, but on a year's horizon it did not
/// find a legal row within two deterministic seconds, where the row program takes a few tenths of a second.</remarks>
internal static class RowRepair
{
    private const int Rounds = 60;

    /// <summary>The rows after one pass in person order (stopped at <paramref name="until"/>, a <see cref="Stopwatch"/>
    /// timestamp; <see cref="long.MaxValue"/> for a pass whose result depends on the rows alone).</summary>
    public static int[][] Repair(SolverModel model, int[][] rows, long until, CancellationToken cancel) =>
        Repair(model, rows, until, Enumerable.Range(0, model.People), cancel);

    /// <summary>One pass split between <paramref name="workers"/> threads, each repairing every workers-th person on its
    /// own copy of the roster; the rows are then taken from the copy that repaired them. Every hard rule the repair
    /// mends concerns one person, so the merged roster breaks exactly what the repaired rows break (coverage is priced
    /// as if the other threads' rows had stayed, which the annealer that follows settles).</summary>
    /// <remarks>Two threads may each fill the same free place in their own copy. Taken in person order, a place already
    /// full when a later row reaches it is left empty in that row (the roster never holds more people on a cell than its
    /// slots), and those rows are repaired once more, in one thread, on the merged roster.</remarks>
    public static int[][] RepairSplit(SolverModel model, int[][] rows, int workers, long until, CancellationToken cancel)
    {
        if (workers <= 1)
        {
            return Repair(model, rows, until, cancel);
        }
        var parts = new int[workers][][];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, k => parts[k] = Repair(model, rows, until, Enumerable.Range(0, model.People).Where(p => p % workers == k), cancel));
        var merged = Enumerable.Range(0, model.People).Select(p => parts[p % workers][p]).ToArray();
        var crowded = model.TrimToCapacity(merged);
        return crowded.Count == 0 ? merged : Repair(model, merged, until, crowded, cancel);
    }

    private static int[][] Repair(SolverModel model, int[][] rows, long until, IEnumerable<int> people, CancellationToken cancel)
    {
        var state = new SearchState(model, rows) { HardWeight = model.HardWeight * 10 };
        var move = new Move(state);
        var optimizer = new RowOptimizer(model);
        foreach (var p in people)
        {
            if (cancel.IsCancellationRequested)
            {
                break;
            }
            if (until != long.MaxValue && Stopwatch.GetTimestamp() >= until)
            {
                break;
            }
            if (state.HardOf(p) > 0 && optimizer.Optimise(state, p, rounds: Rounds))
            {
                Replace(move, p, optimizer.Best);
            }
            if (state.HardOf(p) > 0)
            {
                var row = (int[])state.Rows[p].Clone();
                if (RowLegaliser.Mend(model, state, p, row, until, cancel))
                {
                    Replace(move, p, row);
                }
            }
        }
        return state.Rows;
    }

    private static void Replace(Move move, int p, int[] row)
    {
        for (var d = 0; d < row.Length; d++)
        {
            move.Set(p, d, row[d]);
        }
        move.Score();
        move.Clear();
    }
}
