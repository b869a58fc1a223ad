namespace Roster.Core.Engine.Search;

/// <summary>The day's flow solved by cycle cancelling on a graph of places: node 0 a hub, node 1 off, then one node per
/// cell. The arc from place x to place y is the cheapest person at x moving to y (their own score change); the hub arcs
/// price a place losing a holder (hub to x) or gaining one (x to hub). A simple cycle leaves each place once, so it moves
/// each person at most once; with cell costs convex, no negative cycle left means the day is at its best (the residual
/// graph of the day's flow has none).</summary>
internal sealed partial class DayAssignment
{
    private const int Hub = -2;
    private const double Tolerance = 1e-7;

    /// <summary>The most the tie-breaking noise adds to one option: far below any difference of the costs it breaks ties
    /// between, and a cycle is made only when its true cost is not above zero, whatever the noise.</summary>
    private const double TieNoise = 1e-3;

    private readonly List<int> _moving = [];
    private readonly Dictionary<int, int> _nodeOf = [];
    private readonly List<int> _nodeCell = [];
    private readonly List<(int From, int To, double Weight)> _edges = [];
    private readonly int[] _at;
    private readonly double[] _paid;
    private readonly double[] _truePaid;
    private readonly double[][] _noise;
    private readonly int[] _count;
    private double[] _weight = [];
    private double[] _trueWeight = [];
    private int[] _who = [];
    private double[] _distance = [];
    private int[] _previous = [];
    private int[] _stamp = [];
    private int _day;

    /// <summary>The people free to move on day <paramref name="d"/>, their prices and noise, and the day's places; false
    /// when nobody can move.</summary>
    private bool Gather(int d)
    {
        _moving.Clear();
        _nodeOf.Clear();
        _nodeCell.Clear();
        _nodeCell.Add(Hub);
        _nodeCell.Add(-1);
        for (var p = 0; p < _model.People; p++)
        {
            if (_model.Limits[p].Locked[d])
            {
                continue;
            }
            _moving.Add(p);
            Price(p, d);
            var current = _state.Rows[p][d];
            _at[p] = NodeOf(current);
            (_paid[p], _truePaid[p]) = (0, 0);
            var eligible = _model.EligibleOnDay[p][d];
            for (var i = 0; i <= eligible.Length; i++)
            {
                var option = i == 0 ? -1 : eligible[i - 1];
                NodeOf(option);
                _noise[p][i] = TieNoise * _random.NextDouble();
                if (option == current)
                {
                    _paid[p] = _noise[p][i];
                }
            }
        }
        _day = d;
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

    /// <summary>Finds one cycle that lowers the day's noisy cost without raising its true cost, and makes it.</summary>
    private bool Cancel(int nodes)
    {
        var arcs = nodes * nodes;
        if (_weight.Length < arcs)
        {
            (_weight, _trueWeight, _who) = (new double[arcs], new double[arcs], new int[arcs]);
        }
        Array.Fill(_weight, double.PositiveInfinity, 0, arcs);
        var holders = new bool[nodes];
        foreach (var p in _moving)
        {
            var x = _at[p];
            holders[x] = true;
            var prices = _prices[_day][p];
            var eligible = _model.EligibleOnDay[p][_day];
            for (var i = 0; i <= eligible.Length; i++)
            {
                var y = i == 0 ? 1 : _nodeOf[eligible[i - 1]];
                var arc = (x * nodes) + y;
                var w = prices[i] + _noise[p][i] - _paid[p];
                if (y != x && w < _weight[arc])
                {
                    (_weight[arc], _trueWeight[arc], _who[arc]) = (w, prices[i] - _truePaid[p], p);
                }
            }
        }
        for (var x = 1; x < nodes; x++)
        {
            if (holders[x])
            {
                _weight[x] = _trueWeight[x] = x == 1 ? 0 : Marginal(x, -1);
            }
            if (x == 1 || _count[x] < _model.Cells[_nodeCell[x]].Capacity)
            {
                _weight[x * nodes] = _trueWeight[x * nodes] = x == 1 ? 0 : Marginal(x, +1);
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
            _truePaid[p] += _trueWeight[arc];
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

    /// <summary>A cycle of negative noisy weight whose true weight is not above zero (Bellman-Ford from every node at once),
    /// or null.</summary>
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
        var (noisy, truly) = (0.0, 0.0);
        for (var v = last; cycle.Count == 0 || v != last; v = _previous[v])
        {
            cycle.Add(v);
            noisy += _weight[(_previous[v] * nodes) + v];
            truly += _trueWeight[(_previous[v] * nodes) + v];
        }
        cycle.Reverse();
        return noisy < -Tolerance && truly <= Tolerance ? cycle : null;
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
