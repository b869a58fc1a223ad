namespace Roster.Core.Engine.Search;

/// <summary>Reassigns one day's duties among everyone from the day as it stands, by cancelling negative cycles: the same
/// optimum of the day as <see cref="DayAssignment"/>'s flow, reached by the fewest changes instead of solved afresh.</summary>
/// <remarks>The graph's nodes are places: node 0 a hub, node 1 off, then one node per cell. The arc from place x to place
/// y is the cheapest person at x moving to y (their own score change, <see cref="DayPrices"/>); the hub arcs price a place
/// losing a holder (hub to x) or gaining one (x to hub). A simple cycle leaves each place once, so it moves each person at
/// most once; with every other day held and cell costs convex, no negative cycle left means the day is at its best.
/// A day already at its best costs one search of the graph, which is what <see cref="RequestKicks"/> needs thousands of a
/// second; the passes over a year keep the flow, whose arbitrary choice among equal optima reshapes rows and opens gains
/// on other days (docs/engine-experiments.md).</remarks>
internal sealed class DayCycles
{
    private const double Tolerance = 1e-7;
    private readonly SolverModel _model;
    private readonly SearchState _state;
    private readonly Move _move;
    private readonly DayPrices _prices;
    private readonly List<int> _moving = [];
    private readonly Dictionary<int, int> _nodeOf = [];
    private readonly List<int> _nodeCell = [];
    private readonly List<(int From, int To, double Weight)> _edges = [];
    private readonly int[] _at;
    private readonly double[] _paid;
    private readonly int[] _count;
    private double[] _weight = [];
    private int[] _who = [];
    private bool[] _holds = [];
    private double[] _distance = [];
    private int[] _previous = [];
    private int[] _stamp = [];

    public DayCycles(SolverModel model, SearchState state)
    {
        (_model, _state) = (model, state);
        _move = new Move(state);
        _prices = new DayPrices(model, state);
        _at = new int[model.People];
        _paid = new double[model.People];
        _count = new int[model.Cells.Length + 2];
    }

    /// <summary>Gives day <paramref name="d"/> its best reassignment with person <paramref name="hold"/> (if any) held
    /// where they are; the cost it saved.</summary>
    public double Improve(int d, int hold = -1)
    {
        var before = _state.Cost;
        if (!Gather(d, hold))
        {
            return 0;
        }
        while (Cancel(d, _nodeCell.Count))
        {
        }
        foreach (var p in _moving)
        {
            var option = _nodeCell[_at[p]];
            if (_state.Rows[p][d] != option)
            {
                _move.Set(p, d, option);
            }
        }
        return _move.KeepUnlessWorse(before);
    }

    /// <summary>The people free to move on day <paramref name="d"/> and the day's places; false when nobody can move.</summary>
    private bool Gather(int d, int hold)
    {
        _moving.Clear();
        _nodeOf.Clear();
        _nodeCell.Clear();
        _nodeCell.Add(-2);
        _nodeCell.Add(-1);
        for (var p = 0; p < _model.People; p++)
        {
            if (_model.Limits[p].Locked[d] || p == hold)
            {
                continue;
            }
            _moving.Add(p);
            (_at[p], _paid[p]) = (NodeOf(_state.Rows[p][d]), 0);
            foreach (var c in _model.EligibleOnDay[p][d])
            {
                NodeOf(c);
            }
        }
        for (var n = 2; n < _nodeCell.Count; n++)
        {
            _count[n] = _state.Count[_nodeCell[n]];
        }
        return _moving.Count > 0;
    }

    private int NodeOf(int option)
    {
        if (option < 0)
        {
            return 1;
        }
        if (!_nodeOf.TryGetValue(option, out var node))
        {
            node = _nodeCell.Count;
            _nodeOf[option] = node;
            _nodeCell.Add(option);
        }
        return node;
    }

    /// <summary>Finds one cycle that lowers the day's cost and makes it (on the places and prices, not yet the roster).</summary>
    private bool Cancel(int d, int nodes)
    {
        var arcs = nodes * nodes;
        if (_weight.Length < arcs)
        {
            (_weight, _who) = (new double[arcs], new int[arcs]);
        }
        if (_holds.Length < nodes)
        {
            _holds = new bool[nodes];
        }
        Array.Fill(_weight, double.PositiveInfinity, 0, arcs);
        Array.Clear(_holds, 0, nodes);
        foreach (var p in _moving)
        {
            var x = _at[p];
            _holds[x] = true;
            var prices = _prices.Of(p, d);
            var eligible = _model.EligibleOnDay[p][d];
            for (var i = 0; i <= eligible.Length; i++)
            {
                var y = i == 0 ? 1 : _nodeOf[eligible[i - 1]];
                var arc = (x * nodes) + y;
                var w = prices[i] - _paid[p];
                if (y != x && w < _weight[arc])
                {
                    (_weight[arc], _who[arc]) = (w, p);
                }
            }
        }
        for (var x = 1; x < nodes; x++)
        {
            if (_holds[x])
            {
                _weight[x] = x == 1 ? 0 : Marginal(x, -1);
            }
            if (x == 1 || _count[x] < _model.Cells[_nodeCell[x]].Capacity)
            {
                _weight[x * nodes] = x == 1 ? 0 : Marginal(x, +1);
            }
        }
        var cycle = NegativeCycle(nodes);
        if (cycle is null)
        {
            return false;
        }
        for (var i = 0; i < cycle.Count; i++)
        {
            var (x, y) = (cycle[i], cycle[(i + 1) % cycle.Count]);
            if (x == 0 || y == 0)
            {
                continue;
            }
            var arc = (x * nodes) + y;
            var p = _who[arc];
            _paid[p] += _weight[arc];
            _at[p] = y;
            _count[x]--;
            _count[y]++;
        }
        return true;
    }

    /// <summary>The coverage change of place <paramref name="node"/> losing (-1) or gaining (+1) one holder.</summary>
    private double Marginal(int node, int step)
    {
        var cell = _model.Cells[_nodeCell[node]];
        var count = _count[node];
        return (SearchState.CellCost(cell, count + step) - SearchState.CellCost(cell, count)) * _state.SoftWeight;
    }

    /// <summary>A cycle of negative weight (Bellman-Ford from every node at once), or null.</summary>
    private List<int>? NegativeCycle(int nodes)
    {
        if (_distance.Length < nodes)
        {
            (_distance, _previous, _stamp) = (new double[nodes], new int[nodes], new int[nodes]);
        }
        Array.Fill(_distance, 0, 0, nodes);
        Array.Fill(_previous, -1, 0, nodes);
        _edges.Clear();
        for (var arc = 0; arc < nodes * nodes; arc++)
        {
            if (!double.IsPositiveInfinity(_weight[arc]))
            {
                _edges.Add((arc / nodes, arc % nodes, _weight[arc]));
            }
        }
        var last = -1;
        for (var round = 0; round < nodes && last < 0; round++)
        {
            var changed = false;
            foreach (var (x, y, w) in _edges)
            {
                if (_distance[x] + w < _distance[y] - Tolerance)
                {
                    (_distance[y], _previous[y], changed) = (_distance[x] + w, x, true);
                }
            }
            if (!changed)
            {
                return null;
            }
            // A cycle of the predecessors is a negative one; looking for it after each round ends the search long before
            // the rounds that would prove it.
            last = PredecessorCycle(nodes);
        }
        if (last < 0)
        {
            return null;
        }
        var cycle = new List<int>();
        var weight = 0.0;
        for (var v = last; cycle.Count == 0 || v != last; v = _previous[v])
        {
            cycle.Add(v);
            weight += _weight[(_previous[v] * nodes) + v];
        }
        cycle.Reverse();
        return weight < -Tolerance ? cycle : null;
    }

    /// <summary>A node on a cycle of the predecessor pointers, or -1.</summary>
    private int PredecessorCycle(int nodes)
    {
        Array.Fill(_stamp, 0, 0, nodes);
        for (var s = 0; s < nodes; s++)
        {
            var v = s;
            while (v >= 0 && _stamp[v] == 0)
            {
                _stamp[v] = s + 1;
                v = _previous[v];
            }
            if (v >= 0 && _stamp[v] == s + 1)
            {
                return v;
            }
        }
        return -1;
    }
}
