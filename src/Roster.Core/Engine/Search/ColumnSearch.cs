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
    private readonly SolverModel _model;
    private readonly RowOptimizer _optimizer;
    private readonly List<int[]>[] _rows;
    private readonly List<double>[] _costs;
    private readonly HashSet<int[]>[] _seen;
    private readonly double[] _loads;

    public ColumnSearch(SolverModel model)
    {
        _model = model;
        _optimizer = new RowOptimizer(model);
        _rows = Enumerable.Range(0, model.People).Select(_ => new List<int[]>()).ToArray();
        _costs = Enumerable.Range(0, model.People).Select(_ => new List<double>()).ToArray();
        _seen = Enumerable.Range(0, model.People).Select(_ => new HashSet<int[]>(RowComparer.Instance)).ToArray();
        _loads = new double[model.Roles];
    }

    public int Columns => _rows.Sum(r => r.Count);

    public int GenerationRounds { get; private set; }

    public double LpValue { get; private set; }

    public double IpValue { get; private set; }

    /// <summary>Adds <paramref name="start"/>'s rows, then column generation with diving until <paramref name="diveUntil"/>:
    /// once no row prices out, the people whose rows the relaxation is surest of are fixed and generation goes on for the
    /// rest, until everyone is fixed. Then CP-SAT chooses among all rows found until <paramref name="deadline"/>, starting
    /// from the dive's roster. Returns the best of the two, or null when neither finished.</summary>
    public int[][]? Run(int[][] start, long diveUntil, long deadline, int workers, int seed, CancellationToken cancel)
    {
        for (var p = 0; p < _model.People; p++)
        {
            Add(p, start[p]);
        }
        var dived = Dive(diveUntil, cancel);
        var chosen = Choose(dived ?? start, deadline, workers, seed, cancel);
        if (Environment.GetEnvironmentVariable("CGDEBUG") is not null) { Console.Error.WriteLine($"cg rounds {GenerationRounds} columns {Columns} lp {LpValue} dive {DiveValue} ip {IpValue}"); }
        return chosen ?? dived;
    }

    public double DiveValue { get; private set; }

    private bool Add(int p, int[] row)
    {
        if (!_seen[p].Add(row))
        {
            return false;
        }
        var copy = (int[])row.Clone();
        _seen[p].Remove(row);
        _seen[p].Add(copy);
        var (hard, soft) = RowEvaluator.Evaluate(_model, p, copy, _loads);
        _rows[p].Add(copy);
        _costs[p].Add((hard * _model.HardWeight) + soft);
        return true;
    }

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
        var fixedRow = Enumerable.Repeat(-1, _model.People).ToArray();
        var first = true;
        while (Stopwatch.GetTimestamp() < until && !cancel.IsCancellationRequested)
        {
            if (!Generate(lp, fixedRow, until, cancel))
            {
                return null;
            }
            if (first)
            {
                (LpValue, first) = (lp.Value, false);
            }
            var values = lp.Values();
            var (fractional, bestValue) = (-1, -1.0);
            var fixedAny = false;
            for (var p = 0; p < _model.People; p++)
            {
                if (fixedRow[p] >= 0)
                {
                    continue;
                }
                var j = ArgMax(values[p]);
                if (values[p][j] > 1 - Tolerance)
                {
                    (fixedRow[p], fixedAny) = (j, true);
                    lp.Fix(p, j);
                }
                else if (values[p][j] > bestValue)
                {
                    (fractional, bestValue) = (p, values[p][j]);
                }
            }
            if (fractional < 0)
            {
                DiveValue = lp.Value;
                return fixedRow.Select((j, p) => (int[])_rows[p][j].Clone()).ToArray();
            }
            if (!fixedAny || bestValue > 0.6)
            {
                var j = ArgMax(values[fractional]);
                fixedRow[fractional] = j;
                lp.Fix(fractional, j);
            }
        }
        return null;
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

    /// <summary>Solves the relaxation and prices rows for everyone not fixed until none prices out; false when the
    /// relaxation cannot be solved or time ran out first.</summary>
    private bool Generate(MasterProblem lp, int[] fixedRow, long until, CancellationToken cancel)
    {
        while (Stopwatch.GetTimestamp() < until && !cancel.IsCancellationRequested)
        {
            if (!lp.Solve())
            {
                return false;
            }
            GenerationRounds++;
            var (duals, convexity) = lp.Duals();
            var added = 0;
            for (var p = 0; p < _model.People && Stopwatch.GetTimestamp() < until; p++)
            {
                if (fixedRow[p] >= 0)
                {
                    continue;
                }
                var person = p;
                _optimizer.Price(p, duals, (row, price) =>
                {
                    if (price - convexity[person] < -Tolerance && Add(person, row))
                    {
                        lp.AddColumn(person, _rows[person][^1], _costs[person][^1]);
                        added++;
                    }
                });
            }
            if (added == 0)
            {
                return true;
            }
        }
        return false;
    }

    private int[][]? Choose(int[][] start, long deadline, int workers, int seed, CancellationToken cancel)
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
                model.AddHint(x, _rows[p][j].AsSpan().SequenceEqual(start[p]));
            }
            model.AddExactlyOne(choice[p]);
        }
        foreach (var cell in _model.Cells)
        {
            var count = LinearExpr.Sum(covering[cell.Index]);
            var most = Math.Min(covering[cell.Index].Count, cell.Capacity);
            var under = model.NewIntVar(0, cell.Required, string.Empty);
            var over = model.NewIntVar(0, Math.Max(0, most - cell.Required), string.Empty);
            model.Add(count + under - over == cell.Required);
            objective.Add((under, (long)Math.Round(cell.Under * CostScale)));
            objective.Add((over, (long)Math.Round(cell.Over * CostScale)));
        }
        model.Minimize(LinearExpr.WeightedSum(objective.Select(o => o.Var), objective.Select(o => o.Cost)));
        var solver = new CpSolver
        {
            StringParameters = FormattableString.Invariant($"max_time_in_seconds:{seconds:0.###},num_workers:{Math.Max(1, workers)},random_seed:{seed & int.MaxValue}"),
        };
        using var registration = cancel.Register(solver.StopSearch);
        var status = solver.Solve(model);
        IpValue = solver.ObjectiveValue / CostScale;
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
