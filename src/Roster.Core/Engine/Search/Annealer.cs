using System.Diagnostics;

namespace Roster.Core.Engine.Search;

/// <summary>Simulated annealing over three moves: reassign one person-day, fill a short cell, swap a block of days between two people.</summary>
/// <remarks>Cooling follows the iteration budget when there is one (deterministic), else the time budget; after a long
/// stall the search restarts from the best roster with the temperature raised again.</remarks>
internal sealed class Annealer(SolverModel model, int[][] start, int seed, long maxIterations, long deadlineTicks, CancellationToken cancel)
{
    private static readonly double StartTemperature = Tune("RT0", 20);
    private static readonly double EndTemperature = Tune("RT1", 0.5);
    private static readonly double HardScale = Tune("RHW", 0.05);
    private static readonly double Grow = Tune("RGROW", 1.01);
    private static readonly double FeasibleTemperature = Tune("RFT", 0.3);
    private static readonly double FinalPhase = Tune("RFIN", 0.9);

    private static double Tune(string name, double value) => Environment.GetEnvironmentVariable(name) is { } s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : value;
    private readonly Random _random = new(seed);
    private readonly List<int> _violators = [];
    private long _picks;
    private readonly SearchState _state = new(model, start) { HardWeight = model.HardWeight * HardScale };

    public int[][] Best { get; private set; } = start;

    public double BestHard { get; private set; } = double.MaxValue;

    public double BestSoft { get; private set; } = double.MaxValue;

    public long Iterations { get; private set; }

    public bool TimedOut { get; private set; }

    public void Run()
    {
        var move = new Move(_state);
        var began = Stopwatch.GetTimestamp();
        ReachFeasible(move, began + ((deadlineTicks - began) / 3));
        var span = Math.Max(1, deadlineTicks - began);
        Remember();
        var temperature = StartTemperature;
        long sinceImprovement = 0;
        var final = false;
        var stallLimit = Math.Max(200_000, 200L * model.People * model.Days);
        for (long i = 0; i < maxIterations; i++)
        {
            if ((i & 1023) == 0)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= deadlineTicks || cancel.IsCancellationRequested)
                {
                    TimedOut = true;
                    break;
                }
                var progress = maxIterations < long.MaxValue ? (double)i / maxIterations : (double)(now - began) / span;
                temperature = StartTemperature * Math.Pow(EndTemperature / StartTemperature, progress);
                if (progress < FinalPhase)
                {
                    AdaptHardWeight();
                }
                else if (!final)
                {
                    // Final phase: back to the best roster with hard rules priced high, to end on a feasible roster.
                    final = true;
                    Restart();
                    _state.HardWeight = model.HardWeight * 10;
                }
            }
            Iterations++;
            var before = _state.Cost;
            if (!Propose(move))
            {
                move.Clear();
                continue;
            }
            move.Score();
            var delta = _state.Cost - before;
            if (delta <= 0 || _random.NextDouble() < Math.Exp(-delta / temperature))
            {
                move.Clear();
                if (Better())
                {
                    Remember();
                    sinceImprovement = 0;
                }
            }
            else
            {
                move.Undo();
            }
            if (++sinceImprovement > stallLimit && !final)
            {
                Restart();
                sinceImprovement = 0;
            }
        }
    }

    /// <summary>First phase: minimise hard violations alone (soft only breaks ties), for at most a third of the budget.</summary>
    private void ReachFeasible(Move move, long until)
    {
        (_state.HardWeight, _state.SoftWeight) = (1, 1e-6);
        for (long i = 0; _state.Hard > 0 && i < maxIterations / 3; i++)
        {
            if ((i & 1023) == 0 && (Stopwatch.GetTimestamp() >= until || cancel.IsCancellationRequested))
            {
                break;
            }
            Iterations++;
            var before = _state.Cost;
            if (!Propose(move))
            {
                move.Clear();
                continue;
            }
            move.Score();
            var delta = _state.Cost - before;
            if (delta <= 0 || _random.NextDouble() < Math.Exp(-delta / FeasibleTemperature))
            {
                move.Clear();
            }
            else
            {
                move.Undo();
            }
        }
        (_state.HardWeight, _state.SoftWeight) = (model.HardWeight * HardScale, 1);
    }

    /// <summary>Strategic oscillation: the price of hard violations rises while the roster is infeasible and falls while it is feasible,
    /// so the search can cross infeasible ground between feasible rosters.</summary>
    private void AdaptHardWeight()
    {
        var floor = model.HardWeight * HardScale;
        _state.HardWeight = _state.Hard > 1e-9
            ? Math.Min(_state.HardWeight * Grow, model.HardWeight * 10)
            : Math.Max(_state.HardWeight / Grow, floor);
    }

    private bool Propose(Move move)
    {
        var kind = _random.Next(12);
        return kind < 2 ? Reassign(move) : kind < 4 ? Fill(move) : kind < 5 ? Block(move) : kind < 7 ? Shift(move) : kind < 9 ? SwapDays(move) : Swap(move);
    }

    private bool Reassign(Move move)
    {
        var p = PickPerson();
        var d = PickDay(p);
        if (model.Limits[p].Locked[d])
        {
            return false;
        }
        var options = model.EligibleOnDay[p][d];
        var pick = _random.Next(options.Length + 1);
        var c = pick == options.Length ? -1 : options[pick];
        if (c == _state.Rows[p][d] || (c >= 0 && _state.Count[c] >= model.Cells[c].Capacity))
        {
            return false;
        }
        move.Set(p, d, c);
        return true;
    }

    private bool Fill(Move move)
    {
        var c = _random.Next(model.Cells.Length);
        var cell = model.Cells[c];
        var people = model.EligiblePeople[c];
        if (_state.Count[c] >= cell.Capacity || people.Length == 0)
        {
            return false;
        }
        var p = people[_random.Next(people.Length)];
        if (model.Limits[p].Locked[cell.Day] || _state.Rows[p][cell.Day] == c)
        {
            return false;
        }
        move.Set(p, cell.Day, c);
        return true;
    }

    /// <summary>Gives one person the same shift (or a day off) on a run of days, where eligible and there is room.</summary>
    private bool Block(Move move)
    {
        var p = PickPerson();
        var length = 2 + _random.Next(Math.Min(model.Days, 5) - 1);
        var from = Math.Clamp(PickDay(p) - _random.Next(length), 0, Math.Max(0, model.Days - length));
        var shift = _random.Next(model.Shifts + 1) - 1;
        var changed = false;
        for (var d = from; d < Math.Min(model.Days, from + length); d++)
        {
            if (model.Limits[p].Locked[d])
            {
                continue;
            }
            var c = shift < 0 ? -1 : FindCell(p, d, shift);
            if ((shift < 0 || c >= 0) && c != _state.Rows[p][d])
            {
                move.Set(p, d, c);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Moves one of a person's shifts to another day (same shift type): totals stay, runs and weekends change.</summary>
    private bool Shift(Move move)
    {
        var p = PickPerson();
        var from = PickDay(p);
        var to = _random.Next(2) == 0 ? Math.Clamp(from + _random.Next(-3, 4), 0, model.Days - 1) : _random.Next(model.Days);
        var c = _state.Rows[p][from];
        if (c < 0 || _state.Rows[p][to] >= 0 || model.Limits[p].Locked[from] || model.Limits[p].Locked[to])
        {
            return false;
        }
        var target = FindCell(p, to, model.Cells[c].Shift);
        if (target < 0)
        {
            return false;
        }
        move.Set(p, from, -1);
        move.Set(p, to, target);
        return true;
    }

    /// <summary>Two people exchange their duties on two separate days: coverage stays, both rows change shape.</summary>
    private bool SwapDays(Move move)
    {
        var (a, b) = (PickPerson(), _random.Next(model.People));
        var d1 = PickDay(a);
        var d2 = _random.Next(2) == 0 ? Math.Clamp(d1 + _random.Next(-3, 4), 0, model.Days - 1) : _random.Next(model.Days);
        if (a == b || d1 == d2)
        {
            return false;
        }
        foreach (var d in (ReadOnlySpan<int>)[d1, d2])
        {
            var (ca, cb) = (_state.Rows[a][d], _state.Rows[b][d]);
            if (model.Limits[a].Locked[d] || model.Limits[b].Locked[d] || (cb >= 0 && !model.Eligible[a][cb]) || (ca >= 0 && !model.Eligible[b][ca]))
            {
                move.Undo();
                return false;
            }
            move.Set(a, d, cb);
            move.Set(b, d, ca);
        }
        return true;
    }

    /// <summary>While the roster breaks hard rules, two moves in three start from a person who breaks one.</summary>
    private int PickPerson()
    {
        if (_state.Hard > 0 && (++_picks & 255) == 0)
        {
            _violators.Clear();
            for (var p = 0; p < model.People; p++)
            {
                if (_state.HardOf(p) > 0)
                {
                    _violators.Add(p);
                }
            }
        }
        return _state.Hard > 0 && _violators.Count > 0 && _random.Next(3) > 0 ? _violators[_random.Next(_violators.Count)] : _random.Next(model.People);
    }

    /// <summary>Near the person's last broken day half of the time while they break a rule, else uniform.</summary>
    private int PickDay(int p)
    {
        var hot = _state.HotDay[p];
        return hot >= 0 && _state.HardOf(p) > 0 && _random.Next(2) == 0
            ? Math.Clamp(hot + _random.Next(-3, 2), 0, model.Days - 1)
            : _random.Next(model.Days);
    }

    private int FindCell(int p, int d, int shift)
    {
        foreach (var c in model.EligibleOnDay[p][d])
        {
            if (model.Cells[c].Shift == shift && (_state.Count[c] < model.Cells[c].Capacity || _state.Rows[p][d] == c))
            {
                return c;
            }
        }
        return -1;
    }

    private bool Swap(Move move)
    {
        var (a, b) = (PickPerson(), _random.Next(model.People));
        if (a == b)
        {
            return false;
        }
        var length = 1 + _random.Next(Math.Min(model.Days, 7));
        var from = Math.Clamp(PickDay(a) - _random.Next(length), 0, model.Days - length);
        var changed = false;
        for (var d = from; d < from + length; d++)
        {
            var (ca, cb) = (_state.Rows[a][d], _state.Rows[b][d]);
            if (ca == cb)
            {
                continue;
            }
            if (model.Limits[a].Locked[d] || model.Limits[b].Locked[d] || (cb >= 0 && !model.Eligible[a][cb]) || (ca >= 0 && !model.Eligible[b][ca]))
            {
                move.Undo();
                return false;
            }
            move.Set(a, d, cb);
            move.Set(b, d, ca);
            changed = true;
        }
        return changed;
    }

    private bool Better() => _state.Hard < BestHard - 1e-9 || (_state.Hard <= BestHard + 1e-9 && _state.Soft < BestSoft - 1e-9);

    private void Remember()
    {
        (BestHard, BestSoft) = (_state.Hard, _state.Soft);
        Best = _state.Rows.Select(r => (int[])r.Clone()).ToArray();
    }

    private void Restart()
    {
        for (var p = 0; p < model.People; p++)
        {
            Array.Copy(Best[p], _state.Rows[p], model.Days);
        }
        _state.Recompute();
    }
}
