using System.Diagnostics;

namespace Roster.Core.Engine.Search;

/// <summary>Simulated annealing in three phases (feasibility, oscillating hard weight, feasible finish) over the <see cref="Neighbourhood"/> moves.</summary>
/// <remarks>Cooling follows the iteration budget when there is one (deterministic), else the time budget; after a long
/// stall the search restarts from the best roster with the temperature raised again. <paramref name="requestEmphasis"/>
/// multiplies request weights until the final phase (see <see cref="SearchState.RequestScale"/>), and
/// <paramref name="halfWeekendCharge"/> charges each half-worked weekend until then (see <see cref="SearchState.HalfWeekendCharge"/>).</remarks>
/// <remarks>From <paramref name="reassignDaysAt"/> of the schedule on (within the final phase), once: each day of the best
/// roster reassigned exactly among everyone (<see cref="DayAssignment"/>), day after day until a whole pass gains nothing,
/// then annealing on for whatever is left.</remarks>
/// <remarks>With <paramref name="feasibilityOnly"/> the first phase is all there is: it runs on the whole budget and stops
/// as soon as the roster is legal (the grace after the time limit, see <see cref="RosterSolver"/>).</remarks>
/// <remarks>A run may cover part of the cooling: its own progress (moves or time) maps onto
/// <paramref name="progressFrom"/>..<paramref name="progressTo"/> of the schedule, and it stops where the schedule reaches
/// <paramref name="stopAtProgress"/> (how a year is handed to slices and back, see <see cref="HorizonSlice"/>).</remarks>
internal sealed class Annealer(SolverModel model, int[][] start, int seed, long maxIterations, long deadlineTicks, CancellationToken cancel, double temperatureScale = 1, long stopWhenLegalAt = long.MaxValue, double requestEmphasis = 1, double halfWeekendCharge = 0, bool feasibilityOnly = false, long stallTicks = long.MaxValue, long stopWhenLegalAfter = long.MaxValue, double feasibleTemperature = Annealer.FeasibleTemperature, double progressFrom = 0, double progressTo = 1, double stopAtProgress = double.MaxValue, double reassignDaysAt = double.MaxValue)
{
    // Tuned on Curtois instances 1, 2, 3, 5, 8, 11 at 5 s (see the engine README): the soft scale there is
    // 1–3 per request and 100 per missing person.
    private const double StartTemperature = 20;
    private const double EndTemperature = 0.5;
    private const double HardScale = 0.05;
    private const double Grow = 1.01;
    /// <summary>The first phase's temperature, in hard units (soft only breaks ties there).</summary>
    public const double FeasibleTemperature = 0.3;
    private const double FinalPhase = 0.9;
    private readonly Random _random = new(seed);
    private readonly SearchState _state = new(model, start) { HardWeight = model.HardWeight * HardScale };
    private Neighbourhood? _neighbourhood;
    private DayAssignment? _days;
    private int[][]? _best;

    public int[][] Best { get; private set; } = start;

    public double BestHard { get; private set; } = double.MaxValue;

    public double BestSoft { get; private set; } = double.MaxValue;

    public long Iterations { get; private set; }

    public bool TimedOut { get; private set; }

    /// <summary>Stopped early: legal, and no better roster for <c>stallTicks</c> (or nothing soft left to gain).</summary>
    public bool Stalled { get; private set; }

    private long _improvedAt = Stopwatch.GetTimestamp();

    public void Run()
    {
        if (model.Cells.Length == 0 || model.People == 0)
        {
            Remember();
            return;
        }
        var move = new Move(_state);
        _neighbourhood = new Neighbourhood(model, _state, _random);
        _days = reassignDaysAt < double.MaxValue && DayAssignment.Applies(model) ? new DayAssignment(model, _state) : null;
        if (feasibilityOnly)
        {
            Remember();
            ReachFeasible(move, deadlineTicks, maxIterations);
            if (Better())
            {
                Remember();
            }
            TimedOut = BestHard > 0;
            return;
        }
        ReachFeasible(move, Stopwatch.GetTimestamp() + ((deadlineTicks - Stopwatch.GetTimestamp()) * 1 / 4), maxIterations / 4);
        // The cooling schedule covers the time left after the feasibility phase.
        var began = Stopwatch.GetTimestamp();
        var span = Math.Max(1, deadlineTicks - began);
        Remember();
        Emphasise(requestEmphasis, halfWeekendCharge);
        var temperature = StartTemperature * temperatureScale;
        long sinceImprovement = 0;
        var final = false;
        var reassigned = false;
        var stallLimit = Math.Max(200_000, 200L * model.People * model.Days);
        for (long i = 0; i < maxIterations; i++)
        {
            if ((i & 1023) == 0)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= deadlineTicks || cancel.IsCancellationRequested || ((now >= stopWhenLegalAt || Iterations >= stopWhenLegalAfter) && BestHard == 0))
                {
                    TimedOut = true;
                    break;
                }
                if (stallTicks < long.MaxValue && BestHard == 0 && (BestSoft <= 1e-9 || now - _improvedAt >= stallTicks))
                {
                    Stalled = true;
                    break;
                }
                var progress = progressFrom + ((progressTo - progressFrom) * (maxIterations < long.MaxValue ? (double)i / maxIterations : (double)(now - began) / span));
                if (progress >= stopAtProgress)
                {
                    break;
                }
                temperature = temperatureScale * StartTemperature * Math.Pow(EndTemperature / StartTemperature, progress);
                if (progress < FinalPhase)
                {
                    AdaptHardWeight();
                }
                else if (!final)
                {
                    // Final phase: back to the best roster with hard rules priced high, to end on a feasible roster.
                    final = true;
                    Restart();
                    Emphasise(1, 0);
                    _state.HardWeight = model.HardWeight * 10;
                }
                if (final && !reassigned && _days is not null && progress >= reassignDaysAt)
                {
                    reassigned = true;
                    i += ReassignDays(maxIterations - i);
                }
            }
            Iterations++;
            var before = _state.Cost;
            if (!_neighbourhood!.Propose(move))
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

    /// <summary>Days reassigned (see <see cref="DayAssignment"/>) and the cost they saved.</summary>
    public (int Days, double Gain) Reassigned { get; private set; }

    /// <summary>Day reassignments from the best roster, day after day, until a whole pass over the horizon gains nothing,
    /// the clock runs out or <paramref name="budget"/> moves are spent (each reassignment counts as
    /// <see cref="DayAssignment.MoveCost"/> moves); the moves counted.</summary>
    private long ReassignDays(long budget)
    {
        Restart();
        var cost = _days!.MoveCost;
        long spent = 0;
        var (days, gain, quiet) = (0, 0.0, 0);
        while (quiet < model.Days && spent + cost <= budget && Stopwatch.GetTimestamp() < deadlineTicks && !cancel.IsCancellationRequested)
        {
            var saved = _days.Improve(days++ % model.Days);
            (gain, quiet) = (gain + saved, saved > 1e-9 ? 0 : quiet + 1);
            spent += cost;
        }
        Reassigned = (days, gain);
        Iterations += spent;
        if (Better())
        {
            Remember();
        }
        return spent;
    }

    /// <summary>First phase: minimise hard violations alone (soft only breaks ties), for at most <paramref name="budget"/> moves.</summary>
    private void ReachFeasible(Move move, long until, long budget)
    {
        (_state.HardWeight, _state.SoftWeight) = (1, 1e-6);
        for (long i = 0; _state.Hard > 0 && i < budget; i++)
        {
            if ((i & 1023) == 0 && (Stopwatch.GetTimestamp() >= until || cancel.IsCancellationRequested))
            {
                break;
            }
            Iterations++;
            var before = _state.Cost;
            if (!_neighbourhood!.Propose(move))
            {
                move.Clear();
                continue;
            }
            move.Score();
            var delta = _state.Cost - before;
            if (delta <= 0 || _random.NextDouble() < Math.Exp(-delta / feasibleTemperature))
            {
                move.Clear();
                // Only the grace keeps its best: elsewhere the next phase starts from wherever this one ended.
                if (feasibilityOnly && _state.Hard < BestHard - 0.5)
                {
                    Remember();
                }
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

    private bool Better() => _state.Hard < BestHard - 1e-9 || (_state.Hard <= BestHard + 1e-9 && _state.Soft < BestSoft - 1e-9);

    private void Remember()
    {
        (BestHard, BestSoft) = (_state.Hard, _state.Soft);
        _improvedAt = Stopwatch.GetTimestamp();
        // Copied into one buffer, not cloned: on a year-long roster a new best comes several times a second, and a clone
        // each time is garbage that slows every worker.
        _best ??= _state.Rows.Select(r => new int[r.Length]).ToArray();
        for (var p = 0; p < _best.Length; p++)
        {
            Array.Copy(_state.Rows[p], _best[p], _best[p].Length);
        }
        Best = _best;
    }

    /// <summary>Rescores the roster with its emphasis (see <see cref="SearchState.Emphasise"/>). Called only where the
    /// current roster is the best (just remembered, or restarted from), so its score is the best's too.</summary>
    private void Emphasise(double requestScale, double halfWeekendCharge)
    {
        if (requestScale == _state.RequestScale && halfWeekendCharge == _state.HalfWeekendCharge)
        {
            return;
        }
        _state.Emphasise(requestScale, halfWeekendCharge);
        (BestHard, BestSoft) = (_state.Hard, _state.Soft);
        _improvedAt = Stopwatch.GetTimestamp();
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
