using System.Diagnostics;

namespace Roster.Core.Engine.Search;

/// <summary>Simulated annealing over three moves: reassign one person-day, fill a short cell, swap a block of days between two people.</summary>
/// <remarks>Cooling follows the iteration budget when there is one (deterministic), else the time budget; after a long
/// stall the search restarts from the best roster with the temperature raised again.</remarks>
internal sealed class Annealer(SolverModel model, int[][] start, int seed, long maxIterations, long deadlineTicks, CancellationToken cancel)
{
    private const double StartTemperature = 2.0;
    private const double EndTemperature = 0.02;
    private readonly Random _random = new(seed);
    private readonly SearchState _state = new(model, start);

    public int[][] Best { get; private set; } = start;

    public double BestHard { get; private set; } = double.MaxValue;

    public double BestSoft { get; private set; } = double.MaxValue;

    public long Iterations { get; private set; }

    public bool TimedOut { get; private set; }

    public void Run()
    {
        var move = new Move(_state);
        var began = Stopwatch.GetTimestamp();
        var span = Math.Max(1, deadlineTicks - began);
        Remember();
        var temperature = StartTemperature;
        long sinceImprovement = 0;
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
            if (++sinceImprovement > stallLimit)
            {
                Restart();
                sinceImprovement = 0;
            }
        }
    }

    private bool Propose(Move move)
    {
        var kind = _random.Next(10);
        return kind < 3 ? Reassign(move) : kind < 5 ? Fill(move) : Swap(move);
    }

    private bool Reassign(Move move)
    {
        var (p, d) = (_random.Next(model.People), _random.Next(model.Days));
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

    private bool Swap(Move move)
    {
        var (a, b) = (_random.Next(model.People), _random.Next(model.People));
        if (a == b)
        {
            return false;
        }
        var length = 1 + _random.Next(Math.Min(model.Days, 7));
        var from = _random.Next(model.Days - length + 1);
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
