namespace Roster.Core.Engine.Search;

/// <summary>Each person's own score change for each option of a day (off first, then the day's eligible cells), the
/// coverage change left out, as the day reassignments price their people.</summary>
/// <remarks>Without fairness or tag needs a person's score depends on their own row alone, so a day's prices hold until
/// the row changes, and hold again when it changes back: they are kept by the row's hash (<see cref="SearchState.RowHash"/>),
/// and dropped when the state's weights change.</remarks>
internal sealed class DayPrices
{
    private readonly SolverModel _model;
    private readonly SearchState _state;
    private readonly Move _move;
    private readonly ulong[] _hash;
    private readonly double[]?[] _prices;
    private (double Hard, double Soft, double Requests, double HalfWeekends) _weights;

    public DayPrices(SolverModel model, SearchState state)
    {
        (_model, _state) = (model, state);
        _move = new Move(state);
        _hash = new ulong[model.People * model.Days];
        _prices = new double[]?[model.People * model.Days];
    }

    /// <summary>Options scored since this was made (a kept price costs nothing).</summary>
    public long Scored { get; private set; }

    /// <summary>Person <paramref name="p"/>'s own change in the state's cost for each option of day <paramref name="d"/>:
    /// index 0 off, index k the k-th of <c>EligibleOnDay[p][d]</c>; 0 for the option they hold.</summary>
    public double[] Of(int p, int d)
    {
        var weights = (_state.HardWeight, _state.SoftWeight, _state.RequestScale, _state.HalfWeekendCharge);
        if (weights != _weights)
        {
            _weights = weights;
            Array.Clear(_prices);
        }
        var key = (p * _model.Days) + d;
        if (_prices[key] is { } kept && _hash[key] == _state.RowHash[p])
        {
            return kept;
        }
        var options = _model.EligibleOnDay[p][d];
        var prices = _prices[key] ?? new double[options.Length + 1];
        var current = _state.Rows[p][d];
        for (var k = 0; k <= options.Length; k++)
        {
            var option = k == 0 ? -1 : options[k - 1];
            prices[k] = option == current ? 0 : OwnChange(p, d, current, option);
        }
        (_prices[key], _hash[key]) = (prices, _state.RowHash[p]);
        return prices;
    }

    private double OwnChange(int p, int d, int current, int option)
    {
        Scored++;
        var before = _state.Cost;
        var coverage = ((current >= 0 ? _state.CoverageStep(current, -1) : 0) + (option >= 0 ? _state.CoverageStep(option, +1) : 0)) * _state.SoftWeight;
        _move.Set(p, d, option);
        _move.Score();
        var change = _state.Cost - before - coverage;
        _move.Undo();
        return change;
    }
}
