using System.Diagnostics;

namespace Roster.Core.Engine.Search;

/// <summary>An iterated local search on requests: a person is given a shift they asked for on a day they do not hold it,
/// then that day (the grant held) and a few of the person's other working days are each reassigned exactly among
/// everyone (<see cref="DayCycles"/>), then the first day once more with nothing held. The result is kept when the roster
/// is no worse, else the days go back as they were.</summary>
/// <remarks>The grant is the kick and the reassignments its repair: a capped shift given on one day is given up on
/// another, hours over the limit are shed where coverage allows, and whoever held the asked-for place moves on in a chain.
/// The annealer's moves change one or two people at a time and end where such chains are all that is left; a kick with
/// its repair costs about as much as a few hundred of them (docs/engine-experiments.md).</remarks>
internal sealed class RequestKicks
{
    // Of the person's other working days, how many each kick reassigns: where a shed duty or a capped shift goes.
    private const int RepairDays = 4;
    private readonly SolverModel _model;
    private readonly SearchState _state;
    private readonly Random _random;
    private readonly DayCycles _days;
    private readonly Move _move;
    private readonly List<(int Person, int Day, int Shift)> _wanted = [];
    // The days a kick changed and each one's cells as they were, person by person (buffers reused from kick to kick).
    private readonly List<int> _savedDays = [];
    private readonly List<int[]> _columns = [];
    private readonly List<int> _workDays = [];

    public RequestKicks(SolverModel model, SearchState state, Random random)
    {
        (_model, _state, _random) = (model, state, random);
        _days = new DayCycles(model, state);
        _move = new Move(state);
        for (var p = 0; p < model.People; p++)
        {
            for (var d = 0; d < model.Days; d++)
            {
                foreach (var r in model.Limits[p].Requests[d] ?? [])
                {
                    if (r.Want && r.Shift >= 0 && !model.Limits[p].Locked[d])
                    {
                        _wanted.Add((p, d, r.Shift));
                    }
                }
            }
        }
    }

    /// <summary>Kicks made (requests granted and repaired, whether kept or not).</summary>
    public long Kicks { get; private set; }

    /// <summary>Kicks until <paramref name="deadline"/> (a timestamp) or for <paramref name="draws"/> requests drawn (a
    /// request already met, or with no room in its shift, is drawn and passed over); the cost they saved.</summary>
    public double Run(long deadline, CancellationToken cancel, long draws = long.MaxValue)
    {
        var start = _state.Cost;
        for (long tries = 0; _wanted.Count > 0 && tries < draws; tries++)
        {
            if ((tries & 15) == 0 && (Stopwatch.GetTimestamp() >= deadline || cancel.IsCancellationRequested))
            {
                break;
            }
            var (p, d, shift) = _wanted[_random.Next(_wanted.Count)];
            if (Grantable(p, d, shift) is { } cell)
            {
                Kick(p, d, cell);
            }
        }
        return start - _state.Cost;
    }

    /// <summary>A cell of the asked-for shift with room, where the person does not hold that shift already; else null.</summary>
    private int? Grantable(int p, int d, int shift)
    {
        var held = _state.Rows[p][d];
        if (held >= 0 && _model.Cells[held].Shift == shift)
        {
            return null;
        }
        foreach (var c in _model.EligibleOnDay[p][d])
        {
            if (_model.Cells[c].Shift == shift && _state.Count[c] < _model.Cells[c].Capacity)
            {
                return c;
            }
        }
        return null;
    }

    private void Kick(int p, int d, int cell)
    {
        Kicks++;
        var before = _state.Cost;
        _savedDays.Clear();
        Save(d);
        _move.Set(p, d, cell);
        _move.Score();
        _move.Clear();
        _days.Improve(d, hold: p);
        _workDays.Clear();
        for (var t = 0; t < _model.Days; t++)
        {
            if (t != d && _state.Rows[p][t] >= 0 && !_model.Limits[p].Locked[t])
            {
                _workDays.Add(t);
            }
        }
        for (var k = 0; k < RepairDays && _workDays.Count > 0; k++)
        {
            var i = _random.Next(_workDays.Count);
            var t = _workDays[i];
            (_workDays[i], _workDays[^1]) = (_workDays[^1], _workDays[i]);
            _workDays.RemoveAt(_workDays.Count - 1);
            Save(t);
            _days.Improve(t);
        }
        _days.Improve(d);
        if (_state.Cost > before + 1e-6)
        {
            Restore();
        }
    }

    private void Save(int d)
    {
        if (_savedDays.Contains(d))
        {
            return;
        }
        if (_columns.Count == _savedDays.Count)
        {
            _columns.Add(new int[_model.People]);
        }
        var column = _columns[_savedDays.Count];
        for (var p = 0; p < _model.People; p++)
        {
            column[p] = _state.Rows[p][d];
        }
        _savedDays.Add(d);
    }

    private void Restore()
    {
        for (var i = 0; i < _savedDays.Count; i++)
        {
            var (d, column) = (_savedDays[i], _columns[i]);
            for (var p = 0; p < _model.People; p++)
            {
                if (_state.Rows[p][d] != column[p])
                {
                    _move.Set(p, d, column[p]);
                }
            }
        }
        _move.Score();
        _move.Clear();
    }
}
