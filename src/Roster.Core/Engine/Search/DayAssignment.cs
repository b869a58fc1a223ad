namespace Roster.Core.Engine.Search;

/// <summary>Reassigns one day's duties among everyone at once, exactly: each person keeps every other day and takes the
/// option (a cell, or off) that gives the day the lowest cost there is.</summary>
/// <remarks>With every other day held, a person's score depends only on their own option, and a cell's coverage cost is
/// convex in how many hold it (each place below the requirement saves its price, each above costs its price), so the day
/// is a minimum-cost flow from people through the cells. It is solved from the day as it stands, by cancelling negative
/// cycles (DayAssignment.Cycles.cs): chains and cycles of any length across people, which swaps of two cannot reach.
/// Among equally good reassignments the day takes one at random (a small noise on each person's options breaks the ties):
/// such sideways changes reshape rows and open gains on other days, and passes without them settle at about half the
/// gain. Not for models whose fairness or tag needs tie people together.</remarks>
internal sealed partial class DayAssignment
{
    private readonly SolverModel _model;
    private readonly SearchState _state;
    private readonly Move _move;
    private readonly Random _random;
    private readonly int[] _version;
    private readonly int[][] _pricedAt;
    private readonly double[][][] _prices;

    public DayAssignment(SolverModel model, SearchState state, Random random)
    {
        _model = model;
        _state = state;
        _random = random;
        _move = new Move(state);
        var options = model.EligibleOnDay.Sum(days => days.Sum(o => o.Length + 1L)) / Math.Max(1, model.Days);
        MoveCost = Math.Max(1, options);
        _version = new int[model.People];
        _at = new int[model.People];
        _paid = new double[model.People];
        _truePaid = new double[model.People];
        _noise = [.. Enumerable.Range(0, model.People).Select(p => new double[model.EligibleOnDay[p].Max(o => o.Length) + 1])];
        _count = new int[model.Cells.Length + 2];
        _pricedAt = new int[model.Days][];
        _prices = new double[model.Days][][];
        for (var d = 0; d < model.Days; d++)
        {
            _pricedAt[d] = new int[model.People];
            _prices[d] = new double[model.People][];
            for (var p = 0; p < model.People; p++)
            {
                _prices[d][p] = new double[model.EligibleOnDay[p][d].Length + 1];
            }
        }
        Forget();
    }

    public static bool Applies(SolverModel model) => model.FairGroups.Count == 0 && model.TagNeeds.Count == 0;

    /// <summary>The options a reassignment scores on an average day when no price is kept, each scored like a one-person move.</summary>
    public long MoveCost { get; }

    /// <summary>Options scored by the last <see cref="Improve"/>: a person's prices for a day are kept until their row changes.</summary>
    public int Scored { get; private set; }

    /// <summary>Drops every kept price; call after rows changed outside <see cref="Improve"/>.</summary>
    public void Forget()
    {
        foreach (var day in _pricedAt)
        {
            Array.Fill(day, -1);
        }
    }

    /// <summary>Gives day <paramref name="d"/> its best reassignment; the cost it saved (0 when the day was already at its
    /// best, though it may have changed to another reassignment as good).</summary>
    public double Improve(int d)
    {
        var before = _state.Cost;
        Scored = 0;
        if (!Gather(d))
        {
            return 0;
        }
        var nodes = _nodeCell.Count;
        while (Cancel(nodes))
        {
        }
        foreach (var p in _moving)
        {
            var option = _nodeCell[_at[p]];
            if (_state.Rows[p][d] != option)
            {
                _move.Set(p, d, option);
                _version[p]++;
            }
        }
        _move.Score();
        var saved = before - _state.Cost;
        if (saved < -1e-6)
        {
            _move.Undo();
            return 0;
        }
        _move.Clear();
        return saved;
    }

    /// <summary>Person <paramref name="p"/>'s own score change for each option on day <paramref name="d"/> (off first, then
    /// their eligible cells), the coverage change left out (it is on the places' hub arcs); kept while their row is
    /// unchanged, since without fairness or tag needs nobody else's row enters their score.</summary>
    private double[] Price(int p, int d)
    {
        var prices = _prices[d][p];
        if (_pricedAt[d][p] == _version[p])
        {
            return prices;
        }
        var eligible = _model.EligibleOnDay[p][d];
        for (var i = 0; i <= eligible.Length; i++)
        {
            prices[i] = OwnChange(p, d, i == 0 ? -1 : eligible[i - 1]);
        }
        _pricedAt[d][p] = _version[p];
        return prices;
    }

    private double OwnChange(int p, int d, int option)
    {
        var current = _state.Rows[p][d];
        if (option == current)
        {
            return 0;
        }
        Scored++;
        var before = _state.Cost;
        var coverage = CoverageChange(current, option);
        _move.Set(p, d, option);
        _move.Score();
        var change = _state.Cost - before - coverage;
        _move.Undo();
        return change;
    }

    private double CoverageChange(int from, int to)
    {
        double change = 0;
        if (from >= 0)
        {
            var cell = _model.Cells[from];
            change += SearchState.CellCost(cell, _state.Count[from] - 1) - SearchState.CellCost(cell, _state.Count[from]);
        }
        if (to >= 0)
        {
            var cell = _model.Cells[to];
            change += SearchState.CellCost(cell, _state.Count[to] + 1) - SearchState.CellCost(cell, _state.Count[to]);
        }
        return change * _state.SoftWeight;
    }
}
