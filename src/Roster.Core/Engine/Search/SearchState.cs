namespace Roster.Core.Engine.Search;

/// <summary>A roster under search with its score kept up to date incrementally.</summary>
/// <remarks>Score = per-person rows + cell coverage + tag needs (hard) + fairness variance per group.</remarks>
internal sealed class SearchState
{
    private readonly SolverModel _model;
    private readonly double[] _personHard;
    private readonly double[] _personSoft;
    private readonly double[] _loads;
    private readonly int[] _groupOf;
    private readonly double[] _groupSum;
    private readonly double[] _groupSq;
    private readonly int[] _tagCount;
    private readonly double[] _scratch;

    public SearchState(SolverModel model, int[][] rows)
    {
        _model = model;
        Rows = rows.Select(r => (int[])r.Clone()).ToArray();
        Count = new int[model.Cells.Length];
        _personHard = new double[model.People];
        _personSoft = new double[model.People];
        _loads = new double[model.People * model.Roles];
        _groupOf = Enumerable.Repeat(-1, model.People * model.Roles).ToArray();
        for (var g = 0; g < model.FairGroups.Count; g++)
        {
            foreach (var p in model.FairGroups[g].People)
            {
                _groupOf[(p * model.Roles) + model.FairGroups[g].Role] = g;
            }
        }
        _groupSum = new double[model.FairGroups.Count];
        _groupSq = new double[model.FairGroups.Count];
        _tagCount = new int[model.TagNeeds.Count];
        _scratch = new double[model.Roles];
        HotDay = Enumerable.Repeat(-1, model.People).ToArray();
        HardWeight = model.HardWeight;
        Recompute();
    }

    public int[][] Rows { get; }

    public Cell[] Cells => _model.Cells;

    /// <summary>Per person, the last day a hard rule broke at the latest scoring (a hint only; not restored on undo).</summary>
    public int[] HotDay { get; }

    public int[] Count { get; }

    public double Hard { get; private set; }

    public double Soft { get; private set; }

    public double Cost => (Hard * HardWeight) + (Soft * SoftWeight);

    public double SoftWeight { get; set; } = 1;

    public double HardWeight { get; set; }

    public void Recompute()
    {
        Array.Clear(Count);
        Array.Clear(_tagCount);
        Array.Clear(_groupSum);
        Array.Clear(_groupSq);
        foreach (var row in Rows)
        {
            foreach (var c in row)
            {
                if (c >= 0)
                {
                    Count[c]++;
                }
            }
        }
        for (var p = 0; p < _model.People; p++)
        {
            foreach (var c in Rows[p])
            {
                if (c >= 0)
                {
                    foreach (var t in _model.TagNeedsOfCell[c])
                    {
                        _tagCount[t] += _model.TagNeeds[t].HasTag[p] ? 1 : 0;
                    }
                }
            }
        }
        (Hard, Soft) = (0, 0);
        for (var c = 0; c < Count.Length; c++)
        {
            Soft += CellCost(_model.Cells[c], Count[c]);
        }
        for (var t = 0; t < _tagCount.Length; t++)
        {
            Hard += Math.Max(0, _model.TagNeeds[t].MinCount - _tagCount[t]);
        }
        for (var p = 0; p < _model.People; p++)
        {
            var (h, s) = RowEvaluator.Evaluate(_model, p, Rows[p], _loads.AsSpan(p * _model.Roles, _model.Roles));
            (_personHard[p], _personSoft[p]) = (h, s);
            (Hard, Soft) = (Hard + h, Soft + s);
            for (var r = 0; r < _model.Roles; r++)
            {
                var g = _groupOf[(p * _model.Roles) + r];
                if (g >= 0)
                {
                    var load = _loads[(p * _model.Roles) + r];
                    (_groupSum[g], _groupSq[g]) = (_groupSum[g] + load, _groupSq[g] + (load * load));
                }
            }
        }
        for (var g = 0; g < _groupSum.Length; g++)
        {
            Soft += GroupCost(g);
        }
    }

    /// <summary>Puts person <paramref name="p"/> in cell <paramref name="c"/> (or off, −1) on day <paramref name="d"/>; updates cell and tag parts only.</summary>
    public void SetCell(int p, int d, int c)
    {
        var old = Rows[p][d];
        if (old == c)
        {
            return;
        }
        if (old >= 0)
        {
            MoveCount(p, old, -1);
        }
        if (c >= 0)
        {
            MoveCount(p, c, +1);
        }
        Rows[p][d] = c;
    }

    /// <summary>Rescores person <paramref name="p"/>'s row after SetCell calls.</summary>
    public void Rescore(int p)
    {
        var (h, s) = RowEvaluator.Evaluate(_model, p, Rows[p], _scratch, out HotDay[p]);
        Apply(p, h, s, _scratch);
    }

    /// <summary>Copies person <paramref name="p"/>'s current score into <paramref name="into"/> (hard, soft, then loads per role).</summary>
    public void Save(int p, double[] into)
    {
        (into[0], into[1]) = (_personHard[p], _personSoft[p]);
        Array.Copy(_loads, p * _model.Roles, into, 2, _model.Roles);
    }

    /// <summary>Puts back a score saved by <see cref="Save"/> once the row is back as it was: no re-evaluation needed.</summary>
    public void Restore(int p, double[] saved) => Apply(p, saved[0], saved[1], saved.AsSpan(2, _model.Roles));

    private void Apply(int p, double h, double s, ReadOnlySpan<double> loads)
    {
        Hard += h - _personHard[p];
        Soft += s - _personSoft[p];
        (_personHard[p], _personSoft[p]) = (h, s);
        for (var r = 0; r < _model.Roles; r++)
        {
            var index = (p * _model.Roles) + r;
            var (before, after) = (_loads[index], loads[r]);
            if (before == after)
            {
                continue;
            }
            _loads[index] = after;
            var g = _groupOf[index];
            if (g >= 0)
            {
                var old = GroupCost(g);
                (_groupSum[g], _groupSq[g]) = (_groupSum[g] + after - before, _groupSq[g] + (after * after) - (before * before));
                Soft += GroupCost(g) - old;
            }
        }
    }

    public int Roles => _model.Roles;

    public double HardOf(int p) => _personHard[p];

    private void MoveCount(int p, int c, int delta)
    {
        var cell = _model.Cells[c];
        Soft -= CellCost(cell, Count[c]);
        Count[c] += delta;
        Soft += CellCost(cell, Count[c]);
        foreach (var t in _model.TagNeedsOfCell[c])
        {
            var need = _model.TagNeeds[t];
            if (need.HasTag[p])
            {
                Hard -= Math.Max(0, need.MinCount - _tagCount[t]);
                _tagCount[t] += delta;
                Hard += Math.Max(0, need.MinCount - _tagCount[t]);
            }
        }
    }

    internal static double CellCost(Cell cell, int count) =>
        count < cell.Required ? cell.Under * (cell.Required - count) : cell.Over * (count - cell.Required);

    private double GroupCost(int g)
    {
        var group = _model.FairGroups[g];
        return group.Weight * (_groupSq[g] - (_groupSum[g] * _groupSum[g] / group.People.Length));
    }
}
