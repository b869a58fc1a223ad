using Google.OrTools.Graph;

namespace Roster.Core.Engine.Search;

/// <summary>Reassigns one day's duties among everyone at once, exactly: each person keeps every other day and takes the
/// option (a cell, or off) of a minimum-cost flow whose arcs are the person's own score change for that option and
/// each cell's coverage, place by place.</summary>
/// <remarks>With every other day held, a person's score depends only on their own option, and a cell's coverage cost is
/// convex in how many hold it (each place below the requirement saves its price, each above costs its price), so the
/// flow's optimum is the best reassignment of the day: chains and cycles of any length across people, which swaps of two
/// cannot reach. Not for models whose fairness or tag needs tie people together.</remarks>
internal sealed class DayAssignment
{
    private const double Scale = 1000;
    private readonly SolverModel _model;
    private readonly SearchState _state;
    private readonly Move _move;
    private readonly DayPrices _prices;
    private readonly List<(int Person, int Option, int Arc)> _arcs = [];
    private readonly Dictionary<int, int> _cellNode = [];
    private readonly Dictionary<int, int> _locked = [];

    public DayAssignment(SolverModel model, SearchState state)
    {
        _model = model;
        _state = state;
        _move = new Move(state);
        _prices = new DayPrices(model, state);
        var options = model.EligibleOnDay.Sum(days => days.Sum(o => o.Length + 1L)) / Math.Max(1, model.Days);
        MoveCost = Math.Max(1, options);
    }

    public static bool Applies(SolverModel model) => model.FairGroups.Count == 0 && model.TagNeeds.Count == 0;

    /// <summary>What one reassignment counts as on a move budget: the options it scores on an average day, each scored
    /// like a one-person move.</summary>
    public long MoveCost { get; }

    /// <summary>Gives day <paramref name="d"/> its best reassignment; the cost it saved (0 when the day was already at its best).</summary>
    public double Improve(int d)
    {
        var before = _state.Cost;
        using var flow = new MinCostFlow();
        var people = _model.People;
        _cellNode.Clear();
        var sink = people;
        var next = people + 1;
        _arcs.Clear();
        var moving = 0;
        _locked.Clear();
        for (var p = 0; p < people; p++)
        {
            if (_model.Limits[p].Locked[d])
            {
                // A locked day stays: its cell has one place fewer to give.
                var held = _state.Rows[p][d];
                _locked[held] = _locked.GetValueOrDefault(held) + 1;
                continue;
            }
            moving++;
            flow.SetNodeSupply(p, 1);
            var prices = _prices.Of(p, d);
            AddOption(flow, p, -1, sink, prices[0]);
            var options = _model.EligibleOnDay[p][d];
            for (var k = 0; k < options.Length; k++)
            {
                if (!_cellNode.TryGetValue(options[k], out var node))
                {
                    node = next++;
                    _cellNode[options[k]] = node;
                }
                AddOption(flow, p, options[k], node, prices[k + 1]);
            }
        }
        if (moving == 0)
        {
            return 0;
        }
        foreach (var (c, node) in _cellNode)
        {
            var cell = _model.Cells[c];
            for (var k = _locked.GetValueOrDefault(c) + 1; k <= cell.Capacity; k++)
            {
                var marginal = SearchState.CellCost(cell, k) - SearchState.CellCost(cell, k - 1);
                flow.AddArcWithCapacityAndUnitCost(node, sink, 1, (long)Math.Round(marginal * _state.SoftWeight * Scale));
            }
        }
        flow.SetNodeSupply(sink, -moving);
        if (flow.Solve() != MinCostFlowBase.Status.OPTIMAL)
        {
            return 0;
        }
        foreach (var (p, option, arc) in _arcs)
        {
            if (flow.Flow(arc) > 0 && _state.Rows[p][d] != option)
            {
                _move.Set(p, d, option);
            }
        }
        return _move.KeepUnlessWorse(before);
    }

    /// <summary>An arc for person <paramref name="p"/> taking <paramref name="option"/>, priced by the change in their own
    /// score alone (the coverage change is on the cell's arcs).</summary>
    private void AddOption(MinCostFlow flow, int p, int option, int head, double change)
    {
        var arc = flow.AddArcWithCapacityAndUnitCost(p, head, 1, (long)Math.Round(change * Scale));
        _arcs.Add((p, option, arc));
    }
}
