using System.Diagnostics;
using LinearExpr = Google.OrTools.Sat.LinearExpr;
using Google.OrTools.Sat;

namespace Roster.Core.Engine.Search;

/// <summary>Price and branch: column generation on the linear relaxation (one row per person, cells covered softly),
/// rows priced by <see cref="RowOptimizer"/> at the duals of the cells, then CP-SAT picks one row per person from all rows
/// found, starting from the roster it was given.</summary>
/// <remarks>The relaxation of these problems is tight (the Curtois lower bounds equal the optima), so the rows the
/// relaxation wants are the rows good rosters are made of. Fairness and tag needs are not in the master problem: the
/// caller keeps whichever roster scores better exactly.</remarks>
internal sealed class ColumnSearch
{
    private const double Tolerance = 1e-6;
    private const long CostScale = 100;
    private const double Smoothing = 0.5;
    // Pricing rounds between two fixing steps of a dive: the relaxation need not be solved to the end at each step, but
    // with two rounds a dive drifted far from it on Curtois 19 (docs/engine-experiments.md).
    private const int RoundsPerFix = 6;
    private const double NearlyCertain = 0.95;
    // Thresholds of successive dives: fix every person's surest working day once it is this likely.
    private static readonly double[] DiveFixAt = [0.6, 0.8, 0.95];
    // A dive is begun only with at least this share of the last dive's time left.
    private const double UnfinishedDive = 0.7;

    // A pricing round's time per unit of row work (see RowOptimizer.RowWork), as `bench pricing` measures it on a
    // 2-core machine where the estimate decides (small programs pay more fixed cost per unit, but pass or fail on
    // other grounds).
    private const double SecondsPerWork = 1e-9;
    // Larger relaxations do not converge in the window, and the annealer loses the time (docs/engine-experiments.md).
    private const int MaxCells = 1000;
    private readonly SolverModel _model;
    private readonly RowOptimizer[] _optimizers;
    private readonly List<int[]>[] _found;
    private readonly List<int[]>[] _rows;
    private readonly List<double>[] _costs;
    private readonly HashSet<int[]>[] _seen;
    private readonly double[] _loads;
    private readonly ColumnBudget? _budget;

    /// <summary>A search over <paramref name="workers"/> threads, bounded by <paramref name="budget"/> when there is one,
    /// else by the clock alone.</summary>
    public ColumnSearch(SolverModel model, int workers, ColumnBudget? budget = null)
    {
        _model = model;
        _budget = budget;
        // Weekend limits priced by a multiplier left rows the relaxation needed unfound (a row may be optimal for no
        // multiplier): Curtois 19's root stalled far above the optimum (docs/engine-experiments.md).
        _optimizers = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => new RowOptimizer(model, allWeekends: true)).ToArray();
        _found = Enumerable.Range(0, model.People).Select(_ => new List<int[]>()).ToArray();
        _rows = Enumerable.Range(0, model.People).Select(_ => new List<int[]>()).ToArray();
        _costs = Enumerable.Range(0, model.People).Select(_ => new List<double>()).ToArray();
        _seen = Enumerable.Range(0, model.People).Select(_ => new HashSet<int[]>(RowComparer.Instance)).ToArray();
        _loads = new double[model.Roles];
    }

    private int _rounds;
    private int _finishedDives;
    private double _relaxation;
    private double _dive;
    private double _chosen;
    private double _lpSeconds;
    private double _priceSeconds;

    public ColumnStatistics Statistics => new(_rounds, _rows.Sum(r => r.Count), _relaxation, _dive, _chosen, _lpSeconds, _priceSeconds);

    /// <summary>Adds <paramref name="start"/>'s rows, then column generation and dives until <paramref name="diveUntil"/>
    /// (see <see cref="Dive"/>). Then CP-SAT chooses among all rows found until <paramref name="deadline"/>, starting from
    /// the better of the dives' roster and <paramref name="start"/>, for at most <paramref name="chooseAtMost"/> ticks on the
    /// clock after a single finished dive, and after several for as long as it finds a better roster every
    /// <paramref name="chooseAtMost"/> ticks. CP-SAT's roster, else the dives', else null.</summary>
    public int[][]? Run(int[][] start, long diveUntil, long deadline, long chooseAtMost, int seed, CancellationToken cancel)
    {
        for (var p = 0; p < _model.People; p++)
        {
            Add(p, start[p]);
        }
        var dived = Dive(diveUntil, cancel);
        var hint = new SearchState(_model, start);
        var dive = dived is null ? null : new SearchState(_model, dived);
        // From a single dive's rows CP-SAT seldom ends more than a few units below that dive's roster (15, 19), so what
        // it leaves of its window goes to the polish; from several dives' rows it may combine them, and runs on while it
        // finds better rosters.
        var chooseUntil = _budget is not null || _finishedDives > 1 ? deadline : Math.Min(deadline, Stopwatch.GetTimestamp() + chooseAtMost);
        var stall = _budget is null ? chooseAtMost : 0;
        var chosen = Choose(dive is not null && Score(dive) < Score(hint) ? dive : hint, chooseUntil, stall, _optimizers.Length, seed, cancel);
        return chosen ?? dived;
    }

    /// <summary>Hard violations priced at the model's hard weight plus the soft score, exactly.</summary>
    private double Score(SearchState state) => (state.Hard * _model.HardWeight) + state.Soft;

    /// <summary>Whether a pricing round (one row program per person, a few multiplier rounds each, spread over the
    /// workers) is cheap enough for about a hundred rounds in <paramref name="seconds"/>, and the relaxation small enough
    /// to re-solve often; past that, the dives do not finish and the time is better spent annealing.</summary>
    /// <remarks>GLOP is handed the whole relaxation each round (re-solving it unchanged takes milliseconds, after new
    /// rows far longer, growing with the cells). Even where rounds are cheap, a long horizon needs more of them than the
    /// window holds, and the annealer loses the time.</remarks>
    public static bool Affordable(SolverModel model, int workers, double seconds)
    {
        var work = RowOptimizer.RowWork(model).Sum();
        var roundSeconds = work * SecondsPerWork / Math.Max(1, workers);
        return roundSeconds * 100 <= seconds && Fits(model);
    }

    /// <summary>Whether the relaxation is small enough to re-solve often (the part of <see cref="Affordable"/> that does
    /// not depend on the clock).</summary>
    public static bool Fits(SolverModel model) => model.Cells.Length <= MaxCells;

    /// <summary>Whether the work budget, if any, has pricing rounds left.</summary>
    private bool RoundsLeft => _budget is null || _rounds < _budget.Rounds;

    private bool Add(int p, int[] row)
    {
        if (_seen[p].Contains(row))
        {
            return false;
        }
        var copy = (int[])row.Clone();
        _seen[p].Add(copy);
        var (hard, soft) = RowEvaluator.Evaluate(_model, p, copy, _loads);
        _rows[p].Add(copy);
        _costs[p].Add((hard * _model.HardWeight) + soft);
        return true;
    }

    /// <summary>Dives from the relaxation again and again while time allows, each time fixing more cautiously (a dive
    /// that fixes many days at once is fast but can end far from the relaxation); every dive adds rows to the pool. The
    /// best roster of all dives, or null when none finished.</summary>
    private int[][]? Dive(long until, CancellationToken cancel)
    {
        using var lp = new MasterProblem(_model);
        for (var p = 0; p < _model.People; p++)
        {
            for (var j = 0; j < _rows[p].Count; j++)
            {
                lp.AddColumn(p, _rows[p][j], _costs[p][j]);
            }
        }
        // The root may use half of the time (or of the rounds); a relaxation not solved to the end still guides the dives.
        var rootUntil = Stopwatch.GetTimestamp() + ((until - Stopwatch.GetTimestamp()) / 2);
        var root = Generate(lp, Forced(), rootUntil, _budget is null ? int.MaxValue : Math.Max(1, _budget.Rounds / 2), cancel);
        if (root == Generation.Failed || (root == Generation.Stopped && (cancel.IsCancellationRequested || !lp.Solve())))
        {
            return null;
        }
        _relaxation = lp.Value;
        int[][]? best = null;
        var bestScore = double.PositiveInfinity;
        long lastDive = 0;
        for (var dive = 0; Stopwatch.GetTimestamp() < until && !cancel.IsCancellationRequested && RoundsLeft; dive++)
        {
            // On the clock a dive is not begun that would likely not finish (its time is better spent polishing).
            if (_budget is null && dive > 0 && until - Stopwatch.GetTimestamp() < lastDive * UnfinishedDive)
            {
                break;
            }
            var began = Stopwatch.GetTimestamp();
            var (rows, finished) = DiveOnce(lp, DiveFixAt[dive % DiveFixAt.Length], until, cancel);
            lp.Release();
            lastDive = Stopwatch.GetTimestamp() - began;
            _finishedDives += finished ? 1 : 0;
            var score = rows is null ? double.PositiveInfinity : Score(new SearchState(_model, rows));
            if (score < bestScore)
            {
                (best, bestScore, _dive) = (rows, score, score);
            }
        }
        return best;
    }

    private int[][] Forced() => Enumerable.Range(0, _model.People).Select(_ => Enumerable.Repeat(RowOptimizer.Free, _model.Days).ToArray()).ToArray();

    /// <summary>One dive: its roster, and whether the relaxation became integral (else the roster is what
    /// <see cref="Likeliest"/> makes of the days fixed when time ran out).</summary>
    private (int[][]? Rows, bool Finished) DiveOnce(MasterProblem lp, double fixAt, long until, CancellationToken cancel)
    {
        var forced = Forced();
        long lastStep = 0;
        while (Stopwatch.GetTimestamp() < until && !cancel.IsCancellationRequested && RoundsLeft)
        {
            var stepBegan = Stopwatch.GetTimestamp();
            if (Generate(lp, forced, until, RoundsPerFix, cancel) != Generation.Converged && !lp.Solve())
            {
                return (null, false);
            }
            var values = lp.Values();
            if (FreeStranded(lp, values, forced))
            {
                continue;
            }
            var picks = Enumerable.Range(0, _model.People).SelectMany(p => Fractional(values, p).Select(x => new DayPick(p, x.Day, x.Option, x.Value))).ToList();
            if (picks.Count == 0)
            {
                return (Likeliest(values), true);
            }
            // Each person's surest day if at least fixAt sure, and every nearly certain day (long horizons need many
            // fewer steps that way; fixing every day above fixAt at once ended far worse on 15 and 19), else the single surest day.
            var chosen = picks.GroupBy(x => x.Person).SelectMany(g =>
            {
                var surest = g.MaxBy(x => x.Value);
                return g.Where(x => x.Value >= NearlyCertain || (x == surest && x.Value >= fixAt));
            }).ToList();
            if (chosen.Count == 0)
            {
                chosen = [picks.MaxBy(x => x.Value)];
            }
            if (_budget is null)
            {
                KeepPace(chosen, picks, lastStep, until - Stopwatch.GetTimestamp());
            }
            foreach (var (person, day, option, _) in chosen)
            {
                forced[person][day] = option;
                lp.Forbid(person, j => _rows[person][j][day] == option);
            }
            lastStep = Stopwatch.GetTimestamp() - stepBegan;
        }
        // Out of time: the days fixed so far still make a roster (scored like any dive, kept only if better).
        return (cancel.IsCancellationRequested || !lp.Solve() ? null : Likeliest(lp.Values()), false);
    }

    /// <summary>Frees every day fixed for anyone the relaxation leaves without a row (days fixed together can leave no row
    /// that keeps their rules; the relaxation then takes "no row" at its prohibitive price, and the dive would end with
    /// their start row beside everyone's new ones); whether any day was freed. Someone left without a row with nothing
    /// fixed stays as they are: freeing nothing again and again would spin the dive until its time ran out.</summary>
    private bool FreeStranded(MasterProblem lp, double[][] values, int[][] forced)
    {
        var stranded = false;
        for (var p = 0; p < _model.People; p++)
        {
            if (values[p].Sum() < 0.5 && Array.Exists(forced[p], o => o != RowOptimizer.Free))
            {
                Array.Fill(forced[p], RowOptimizer.Free);
                lp.Release(p);
                stranded = true;
            }
        }
        return stranded;
    }

    /// <summary>Tops <paramref name="chosen"/> up with the surest other <paramref name="picks"/> (days not yet decided)
    /// until, at the pace of the last step (<paramref name="lastStep"/> ticks, 0 before the first), the steps that fit in
    /// the <paramref name="left"/> ticks would fix every pick. A dive out of time yields a roster made of the days fixed
    /// so far, which on Curtois 19 ended far above a finished dive's.</summary>
    /// <remarks>Fixing a day decides others with it, so the picks left shrink faster than the days fixed: the quota errs
    /// on the side of finishing.</remarks>
    internal static void KeepPace(List<DayPick> chosen, IReadOnlyList<DayPick> picks, long lastStep, long left)
    {
        if (lastStep <= 0)
        {
            return;
        }
        var quota = (int)Math.Min(picks.Count, Math.Ceiling(picks.Count * (double)lastStep / Math.Max(1, left)));
        if (chosen.Count >= quota)
        {
            return;
        }
        var taken = chosen.Select(x => (x.Person, x.Day)).ToHashSet();
        chosen.AddRange(picks.Where(x => !taken.Contains((x.Person, x.Day))).OrderByDescending(x => x.Value).Take(quota - chosen.Count));
    }

    /// <summary>Each person's row of the largest value in the relaxation's solution <paramref name="values"/>.</summary>
    private int[][] Likeliest(double[][] values) => Enumerable.Range(0, _model.People).Select(p => (int[])_rows[p][ArgMax(values[p])].Clone()).ToArray();

    /// <summary>For one person, each day not yet certain with its most likely working option (summed over their rows
    /// in the relaxation) and how likely it is.</summary>
    private List<(int Day, int Option, double Value)> Fractional(double[][] values, int p)
    {
        var found = new List<(int Day, int Option, double Value)>();
        var sums = new Dictionary<int, double>();
        for (var d = 0; d < _model.Days; d++)
        {
            sums.Clear();
            for (var j = 0; j < values[p].Length; j++)
            {
                if (values[p][j] > Tolerance)
                {
                    var o = _rows[p][j][d];
                    sums[o] = sums.GetValueOrDefault(o) + values[p][j];
                }
            }
            var best = (Day: -1, Option: -1, Value: 0.0);
            foreach (var (o, v) in sums)
            {
                // Only working days are fixed: fixing days off ties the remaining people up far more (measured on Curtois 7).
                if (o >= 0 && v < 1 - Tolerance && v > best.Value)
                {
                    best = (d, o, v);
                }
            }
            if (best.Day >= 0)
            {
                found.Add(best);
            }
        }
        return found;
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var j = 1; j < values.Length; j++)
        {
            best = values[j] > values[best] ? j : best;
        }
        return best;
    }

    private enum Generation
    {
        /// <summary>No row prices out: the relaxation is solved to the end.</summary>
        Converged,

        /// <summary>Time, the rounds or the budget ran out, or the search was cancelled, first (the rows of the last
        /// round are then in the relaxation but not yet solved).</summary>
        Stopped,

        /// <summary>The relaxation could not be solved.</summary>
        Failed,
    }

    /// <summary>Solves the relaxation and prices rows for everyone (honouring the forced days) until none prices out, for
    /// at most <paramref name="maxRounds"/> rounds and the budget's rounds left.</summary>
    /// <remarks>Duals are smoothed (Wentges): rows are priced at a blend of this round's duals and the last round's
    /// blend, which damps the duals' swings from round to round (they jump between the extreme points of a degenerate
    /// relaxation) so that fewer rounds are needed. A row enters when it prices out at the relaxation's own duals; when
    /// the blend finds none, the round is priced again at the relaxation's duals, and only that ends the generation.</remarks>
    private Generation Generate(MasterProblem lp, int[][] forced, long until, int maxRounds, CancellationToken cancel)
    {
        double[]? center = null;
        for (var round = 0; round < maxRounds && RoundsLeft && Stopwatch.GetTimestamp() < until && !cancel.IsCancellationRequested; round++)
        {
            var t0 = Stopwatch.GetTimestamp();
            if (!lp.Solve())
            {
                return Generation.Failed;
            }
            _lpSeconds += Stopwatch.GetElapsedTime(t0).TotalSeconds;
            t0 = Stopwatch.GetTimestamp();
            _rounds++;
            var (duals, convexity) = lp.Duals();
            var added = 0;
            if (center is not null)
            {
                for (var c = 0; c < duals.Length; c++)
                {
                    center[c] = (Smoothing * center[c]) + ((1 - Smoothing) * duals[c]);
                }
                added = PriceAll(lp, center, duals, convexity, forced, until);
            }
            if (added == 0)
            {
                added = PriceAll(lp, duals, duals, convexity, forced, until);
            }
            center ??= (double[])duals.Clone();
            _priceSeconds += Stopwatch.GetElapsedTime(t0).TotalSeconds;
            if (added == 0)
            {
                return Stopwatch.GetTimestamp() < until ? Generation.Converged : Generation.Stopped;
            }
        }
        return Generation.Stopped;
    }

    /// <summary>Prices every person at <paramref name="at"/> and adds each row whose reduced cost at the
    /// relaxation's duals (<paramref name="duals"/>, <paramref name="convexity"/>) is negative; the number added.</summary>
    private int PriceAll(MasterProblem lp, double[] at, double[] duals, double[] convexity, int[][] forced, long until)
    {
        // People are priced in parallel, each worker with its own optimizer on every workers-th person; rows are added
        // to the relaxation afterwards, in person order, so the result does not depend on thread timing. Pricing honours
        // the forced days, so every row found fits the dive.
        Parallel.For(0, _optimizers.Length, new ParallelOptions { MaxDegreeOfParallelism = _optimizers.Length }, w =>
        {
            for (var p = w; p < _model.People && Stopwatch.GetTimestamp() < until; p += _optimizers.Length)
            {
                var person = p;
                _optimizers[w].Price(p, at, forced[p], (row, price) =>
                {
                    foreach (var c in row)
                    {
                        price += c >= 0 ? at[c] - duals[c] : 0;
                    }
                    if (price - convexity[person] < -Tolerance)
                    {
                        _found[person].Add((int[])row.Clone());
                    }
                });
            }
        });
        var added = 0;
        for (var p = 0; p < _model.People; p++)
        {
            foreach (var row in _found[p])
            {
                if (Add(p, row))
                {
                    lp.AddColumn(p, _rows[p][^1], _costs[p][^1]);
                    added++;
                }
            }
            _found[p].Clear();
        }
        return added;
    }

    /// <summary>CP-SAT's choice of one row per person, hinted with <paramref name="start"/>, until <paramref name="deadline"/>
    /// or, when <paramref name="stall"/> is positive, until that many ticks pass without a better roster; null when it
    /// found none.</summary>
    private int[][]? Choose(SearchState start, long deadline, long stall, int workers, int seed, CancellationToken cancel)
    {
        var seconds = (double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency;
        if (seconds <= 0.05 || cancel.IsCancellationRequested)
        {
            return null;
        }
        var model = new CpModel();
        var choice = new BoolVar[_model.People][];
        var covering = _model.Cells.Select(_ => new List<BoolVar>()).ToArray();
        var objective = new List<(IntVar Var, long Cost)>();
        for (var p = 0; p < _model.People; p++)
        {
            choice[p] = new BoolVar[_rows[p].Count];
            for (var j = 0; j < _rows[p].Count; j++)
            {
                var x = model.NewBoolVar(string.Empty);
                choice[p][j] = x;
                objective.Add((x, (long)Math.Round(_costs[p][j] * CostScale)));
                foreach (var c in _rows[p][j])
                {
                    if (c >= 0)
                    {
                        covering[c].Add(x);
                    }
                }
                model.AddHint(x, _rows[p][j].AsSpan().SequenceEqual(start.Rows[p]));
            }
            model.AddExactlyOne(choice[p]);
        }
        // The hint covers every variable, the slacks too: CP-SAT starts from a complete roster instead of searching for one.
        var hinted = start.Count;
        foreach (var cell in _model.Cells)
        {
            var count = LinearExpr.Sum(covering[cell.Index]);
            var most = Math.Min(covering[cell.Index].Count, cell.Capacity);
            var under = model.NewIntVar(0, cell.Required, string.Empty);
            var over = model.NewIntVar(0, Math.Max(0, most - cell.Required), string.Empty);
            model.AddHint(under, Math.Max(0, cell.Required - hinted[cell.Index]));
            model.AddHint(over, Math.Max(0, hinted[cell.Index] - cell.Required));
            model.Add(count + under - over == cell.Required);
            objective.Add((under, (long)Math.Round(cell.Under * CostScale)));
            objective.Add((over, (long)Math.Round(cell.Over * CostScale)));
        }
        model.Minimize(LinearExpr.WeightedSum(objective.Select(o => o.Var), objective.Select(o => o.Cost)));
        // On a work budget CP-SAT runs on one worker by its deterministic time: only then is its answer reproducible.
        // Without presolve the hint is its first solution within milliseconds; with it CP-SAT found no roster within 3 % of
        // the limit on Curtois 15 and 19, and on 12 its first (the hint) after 2.6 s (docs/engine-experiments.md).
        var solver = new CpSolver
        {
            StringParameters = _budget is null
                ? FormattableString.Invariant($"max_time_in_seconds:{seconds:0.###},num_workers:{Math.Max(1, workers)},random_seed:{seed & int.MaxValue},cp_model_presolve:false")
                : FormattableString.Invariant($"max_time_in_seconds:{seconds:0.###},max_deterministic_time:{_budget.ChoiceWork:0.###},num_workers:1,random_seed:{seed & int.MaxValue}"),
        };
        using var registration = cancel.Register(solver.StopSearch);
        // On the clock CP-SAT stops once it goes a stall without a better roster: from several dives' rows it ended on its
        // hint on 8, 12 and 15 while the polish lost the window (docs/engine-experiments.md).
        using var stalled = new CancellationTokenSource();
        using var stalledRegistration = stalled.Token.Register(solver.StopSearch);
        using var progress = new StallTimer(stalled, stall);
        var status = solver.Solve(model, progress);
        _chosen = solver.ObjectiveValue / CostScale;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }
        var rows = new int[_model.People][];
        for (var p = 0; p < _model.People; p++)
        {
            var j = Array.FindIndex(choice[p], x => solver.BooleanValue(x));
            rows[p] = (int[])_rows[p][Math.Max(0, j)].Clone();
        }
        return rows;
    }

    /// <summary>Cancels the source it is given once the ticks it is given pass without a better solution (never when they
    /// are not positive).</summary>
    private sealed class StallTimer : CpSolverSolutionCallback
    {
        private readonly CancellationTokenSource _stalled;
        private readonly TimeSpan _stall;

        public StallTimer(CancellationTokenSource stalled, long stall)
        {
            _stalled = stalled;
            _stall = stall > 0 ? Stopwatch.GetElapsedTime(0, stall) : Timeout.InfiniteTimeSpan;
            _stalled.CancelAfter(_stall);
        }

        public override void OnSolutionCallback() => _stalled.CancelAfter(_stall);
    }

    /// <summary>A day a dive has yet to decide: the person's most likely working option on it and how likely it is.</summary>
    internal readonly record struct DayPick(int Person, int Day, int Option, double Value);

    private sealed class RowComparer : IEqualityComparer<int[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (var c in obj)
            {
                hash.Add(c);
            }
            return hash.ToHashCode();
        }
    }
}
