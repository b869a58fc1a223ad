using System.Diagnostics;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Core.Engine;

/// <summary>Builds a roster: greedy construction, then simulated annealing on each worker (seed + worker number),
/// the best roster of all workers, a final greedy fill, and explanations for what stays empty.</summary>
public static class RosterSolver
{
    // The search ends a reserve before the limit for mapping, validation and explanations: 8 % of the limit, or less
    // where the problem is small enough to need less (those steps grow with its person-days, not with the limit: a year
    // of 150 people needs seconds, a month of a hundred people a fraction of one).
    private const double ReserveShare = 0.08;
    private const double ReserveFloorSeconds = 1;
    private const double ReserveSecondsPerPersonDay = 6e-5;

    // Shares of the search time: annealing, then column generation with diving, then CP-SAT's choice, then polishing what it chose.
    private const double AnnealShare = 0.2;
    private const double DiveShare = 0.65;
    private const double ChooseShare = 0.8;
    // A repaired start (see FarFromLegal) gets at most this share: the annealer's feasibility phase that follows settles
    // at its own hard count whatever the repair reached, so a longer repair buys little (docs/engine-experiments.md).
    private const double RepairShare = 0.1;
    private const double LatestColumnStart = 0.75;
    private const double LatestDiveEnd = 0.85;
    private const double LatestChooseEnd = 0.92;
    // CP-SAT's choice on the clock when at most one dive finished: at most this share of the limit (see ColumnSearch.Run).
    private const double ChooseAtMost = 0.03;
    private const double PolishTemperature = 0.2;
    // Where requests are dense, the first annealing prices them three times over until its final phase: at the
    // temperatures that settle coverage (a missing person costs 100) requests of weight 1-3 are noise, and the rows set
    // then rarely leave room for them later (docs/engine-experiments.md).
    private const double RequestEmphasis = 3;
    // With the emphasis, where no column phase follows, each weekend that someone with a weekend limit works on one day
    // only is charged this share of a typical empty place: such a weekend spends a whole allowance on one slot. A charge
    // near an empty place's own price trades coverage for whole weekends (measurements in docs/engine-experiments.md).
    private const double HalfWeekendShare = 0.3;
    // A weekend worked alone on its short day (see WeekendPairs) is charged a whole empty place instead: with weekends
    // limited and all of them worked, it leaves a place empty somewhere, since every place of that day could have been
    // paired (measurements in docs/engine-experiments.md).
    private const double ShortDayFactor = 1 / HalfWeekendShare;
    // Exact rows (see ExactRowsPay) where solving everyone's row once costs at most this much row-program work per second
    // of the search and per worker: about 2 % of the search (the limits where exact rows paid on Curtois 20 are in
    // docs/engine-experiments.md).
    private const double ExactRowsWorkPerWorkerSecond = 3e7;
    // Where requests are dense and neither a column phase, exact rows nor slices follow (a month or a quarter annealed as
    // a whole), the last share of the search kicks requests on the best roster, every worker with its own draws (see
    // RequestKicks): on Curtois 13 the annealer ends where only chains across days and people gain (measurements in
    // docs/engine-experiments.md).
    private const double KickShare = 0.15;
    private static readonly NodaTime.Duration ColumnPhaseMinimum = NodaTime.Duration.FromSeconds(2);

    /// <summary>A roster still illegal at the time limit is searched on for legality until this many times the limit
    /// (and, on an iteration budget, for as many moves again): first each broken row is rebuilt by the row program
    /// (<see cref="RowRepair"/>), then annealing on hard violations alone. What is still broken after that is reported.</summary>
    public const double GraceFactor = 2;

    // A greedy start breaking this many hard units or more is repaired row by row before the annealer starts
    // (feasibility first): on year-long horizons the annealer alone may end its time still illegal, while one repair
    // pass removes most violations; shorter horizons start far below this and anneal as tuned.
    private const double FarFromLegal = 5000;

    // After a repaired start the feasibility phase (hard rules alone, soft breaking ties) is where most of the repaired
    // roster's soft score goes; at half the usual temperature it accepts fewer broken rules on the way.
    private const double RepairedFeasibleTemperature = 0.15;

    public static RosterSolution Solve(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var began = Stopwatch.GetTimestamp();
        var builder = ModelBuilder.Build(problem);
        var model = builder.Model;
        var reserveSeconds = ReserveSeconds(problem.TimeLimit.TotalSeconds, model.People, model.Days);
        var searchSeconds = problem.TimeLimit.TotalSeconds - reserveSeconds;
        var deadline = began + (long)(searchSeconds * Stopwatch.Frequency);
        var workers = Math.Max(1, problem.Workers);
        model.ExactRows = ExactRowsPay(model, searchSeconds * workers);
        // Measured once here, before the workers start: their neighbourhoods and the column phase's cost check read it.
        RowOptimizer.RowWork(model);
        // Column phase on clock-bound runs, or on work-bound runs given a column budget (a run bounded by MaxIterations
        // must depend on the seed alone), and only where the master problem prices everything that matters: fairness and
        // tag needs are not in it.
        // Below a couple of seconds its fixed costs (loading OR-Tools' native code, setting up the LP and CP-SAT) would eat the
        // time the explanations need, so short runs anneal only.
        var work = problem.MaxIterations is null ? null : problem.ColumnBudget;
        var columns = (problem.MaxIterations is null ? problem.TimeLimit >= ColumnPhaseMinimum : work is not null) && model.Cells.Length > 0 && model.People > 0
            && model.FairGroups.Count == 0 && model.TagNeeds.Count == 0;
        long At(double share) => began + (long)((deadline - began) * share);
        columns = columns && (work is not null
            ? ColumnSearch.Fits(model)
            : ColumnSearch.Affordable(model, workers, (double)(deadline - began) / Stopwatch.Frequency * (DiveShare - AnnealShare)));
        var emphasis = Neighbourhood.RequestsDense(model) ? RequestEmphasis : 1;
        var halfWeekend = emphasis > 1 && !columns ? HalfWeekendCharge(model) : 0;
        if (halfWeekend > 0)
        {
            model.SingleDayFactor = WeekendPairs.ShortDays(model).Select(isShort => isShort ? ShortDayFactor : 1).ToArray();
        }
        // Year-long horizons anneal the middle of the cooling in slices, one per worker (see AnnealSliced).
        var parts = columns ? 0 : SliceParts(model, workers, problem.MaxIterations);
        // Kicks are timed: a run on a move budget anneals to its end as before and depends on the seed alone.
        var searchEnd = deadline;
        var kicks = problem.MaxIterations is null && halfWeekend > 0 && !model.ExactRows && parts == 0 && DayAssignment.Applies(model);
        if (kicks)
        {
            deadline = At(1 - KickShare);
        }
        var repairUntil = problem.MaxIterations is null ? At(RepairShare) : long.MaxValue;
        // On a work budget the shares are shares of the moves, not of the clock.
        var moves = problem.MaxIterations ?? long.MaxValue;
        var (starts, repaired) = Starts(model, workers, problem.Seed, repairUntil, problem.Cancellation);
        var annealers = Anneal(problem, model, workers, deadline, starts, 1,
            columns && work is null ? At(AnnealShare) : long.MaxValue, emphasis, halfWeekend, columns && work is not null ? (long)(moves * AnnealShare) : long.MaxValue,
            feasibleTemperature: repaired ? RepairedFeasibleTemperature : Annealer.FeasibleTemperature, stopAtProgress: parts > 0 ? SliceFrom : double.MaxValue);
        long sliceMoves = 0;
        var sliced = 0;
        if (parts > 0)
        {
            (annealers, sliceMoves, sliced) = AnnealSliced(problem, model, workers, parts, deadline, annealers, emphasis, halfWeekend);
        }
        // Every worker stalled on a legal roster: the search is over (the column phase would not run to a stall either).
        columns = columns && !annealers.All(a => a.Stalled);
        var best = Best(annealers.Select(a => new SearchState(model, a.Best)));
        var (kicked, kickGain) = (0L, 0.0);
        if (kicks)
        {
            (best, kicked, kickGain) = Kick(problem, model, workers, best, searchEnd);
        }
        var iterations = annealers.Sum(a => a.Iterations) + sliceMoves;
        ColumnStatistics? columnStatistics = null;
        // An annealer with no legal roster by its share anneals on until it has one (feasibility first); a roster legal only
        // after LatestColumnStart gets no column phase.
        var legalAt = Stopwatch.GetTimestamp();
        var movesUsed = annealers.Max(a => a.Iterations);
        if (columns && best.Hard == 0 && (work is null ? legalAt < At(LatestColumnStart) : movesUsed < moves * LatestColumnStart))
        {
            // How long the annealer needs for a legal roster varies from run to run (Curtois 12 once had 3 s of column
            // window left, and ended 7 % above the optimum): a late start keeps a full window where the limit allows.
            // On a work budget the latest ends bound each phase from above; the budget ends it.
            var diveUntil = work is not null ? At(LatestDiveEnd) : Math.Min(Math.Max(At(DiveShare), legalAt + At(DiveShare) - At(AnnealShare)), At(LatestDiveEnd));
            var chooseUntil = work is not null ? At(LatestChooseEnd) : Math.Max(At(ChooseShare), Math.Min(diveUntil + At(ChooseShare) - At(DiveShare), At(LatestChooseEnd)));
            var search = new ColumnSearch(model, workers, work);
            var chosen = search.Run(best.Rows, diveUntil, chooseUntil, (long)(problem.TimeLimit.TotalSeconds * ChooseAtMost * Stopwatch.Frequency), problem.Seed, problem.Cancellation);
            columnStatistics = search.Statistics;
            // Polish at a low temperature what the column phase found if it beats the annealer's (CP-SAT given
            // little time can end above its hint), else anneal on from the annealer's best.
            var found = chosen is null ? null : new SearchState(model, chosen);
            var polishFound = found is not null && Beats(found, best);
            var from = polishFound ? found! : best;
            var polish = Anneal(problem, model, workers, deadline, _ => from.Rows, polishFound ? PolishTemperature : 1, moves: work is null ? null : moves - movesUsed);
            iterations += polish.Sum(a => a.Iterations);
            best = Best([from, .. polish.Select(a => new SearchState(model, a.Best))]);
        }
        double graceSeconds = 0;
        var hardAtLimit = best.Hard;
        if (best.Hard > 0 && !problem.Cancellation.IsCancellationRequested)
        {
            var graceBegan = Stopwatch.GetTimestamp();
            var graceUntil = began + (long)(searchSeconds * GraceFactor * Stopwatch.Frequency);
            (best, var graceIterations) = Legalise(problem, model, workers, best, graceUntil);
            iterations += graceIterations;
            graceSeconds = Stopwatch.GetElapsedTime(graceBegan).TotalSeconds;
        }
        // The search never crowds a cell; should a merge of workers' rows ever do so, the roster is trimmed rather than
        // mapped into slots that do not exist, and the validator reports what the trim broke.
        model.TrimToCapacity(best.Rows);
        var rows = Greedy.Fill(model, best.Rows);
        var assignments = SolutionMapper.ToAssignments(builder, rows);
        var report = RosterValidator.Validate(problem, assignments);
        var explainUntil = Stopwatch.GetTimestamp() + (long)(reserveSeconds * Stopwatch.Frequency);
        var unfilled = Explain(problem, assignments, Math.Max(began + (long)(problem.TimeLimit.TotalSeconds * Stopwatch.Frequency), explainUntil));
        var seconds = Stopwatch.GetElapsedTime(began).TotalSeconds;
        var statistics = new SolveStatistics(iterations, seconds, workers, annealers.Any(a => a.TimedOut))
        {
            Columns = columnStatistics,
            GraceSeconds = graceSeconds,
            HardAtLimit = hardAtLimit,
            Stalled = annealers.All(a => a.Stalled),
            Slices = sliced,
            ReassignedDays = annealers.Sum(a => a.Reassigned.Days),
            ReassignmentGain = annealers.Sum(a => a.Reassigned.Gain),
            RequestKicks = kicked,
            KickGain = kickGain,
        };
        var standby = problem.StandbySlots.Count == 0 ? StandbyPlan.Empty : StandbyPlanner.Plan(problem, assignments);
        if (problem.StandbySlots.Count > 0)
        {
            report = report with { ScoreByRule = new Dictionary<string, double>(report.ScoreByRule, StringComparer.Ordinal) { ["standbyFairness"] = standby.FairnessPenalty } };
        }
        return new RosterSolution(assignments, unfilled, report, statistics) { Standby = standby };
    }

    /// <summary>Requests kicked on the best legal roster of all until <paramref name="until"/>, by each worker with its own
    /// draws (see <see cref="RequestKicks"/>); the best roster after, the kicks made and the cost they saved.</summary>
    /// <remarks>From the best roster rather than each its own: a worker's roster a weekend slot above the coverage bound
    /// (on Curtois 13 about one in four) rarely comes down by kicks, and two kicking the better one end at the lower of
    /// two tries (measurements in docs/engine-experiments.md).</remarks>
    private static (SearchState Best, long Kicks, double Gain) Kick(RosterProblem problem, SolverModel model, int workers, SearchState best, long until)
    {
        var kicked = new SearchState[workers];
        var counts = new long[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            kicked[w] = new SearchState(model, best.Rows);
            if (kicked[w].Hard == 0)
            {
                var kicks = new RequestKicks(model, kicked[w], new Random(Seed(problem.Seed, w) + 3));
                kicks.Run(until, problem.Cancellation);
                counts[w] = kicks.Kicks;
            }
        });
        var after = Best([best, .. kicked]);
        return (after, counts.Sum(), best.Cost - after.Cost);
    }

    /// <summary>What the annealing charges per half-worked weekend (see <see cref="HalfWeekendShare"/>): a share of the mean
    /// price of an empty place; 0 where nobody's weekends are limited.</summary>
    private static double HalfWeekendCharge(SolverModel model)
    {
        var under = model.Cells.Where(c => c.Under > 0).Select(c => c.Under).DefaultIfEmpty(0).Average();
        return model.Limits.Any(l => l.MaxWeekends < int.MaxValue) ? HalfWeekendShare * under : 0;
    }

    /// <summary>Seconds kept after the search for mapping, validation and explanations (see <see cref="ReserveShare"/>).</summary>
    internal static double ReserveSeconds(double limitSeconds, int people, int days) =>
        Math.Min(limitSeconds * ReserveShare, ReserveFloorSeconds + (ReserveSecondsPerPersonDay * people * days));

    /// <summary>The grace: each row that breaks a hard rule repaired by CP-SAT in person order, then, if anything is still
    /// broken, annealing on hard violations alone until <paramref name="until"/> (or the iteration budget once more).
    /// The better of what it started from and what it reached, and the moves it made.</summary>
    private static (SearchState Best, long Iterations) Legalise(RosterProblem problem, SolverModel model, int workers, SearchState from, long until)
    {
        var state = new SearchState(model, RowRepair.Repair(model, from.Rows, problem.MaxIterations is null ? until : long.MaxValue, problem.Cancellation));
        if (state.Hard == 0 || Stopwatch.GetTimestamp() >= until || problem.Cancellation.IsCancellationRequested)
        {
            return (Best([from, state]), 0);
        }
        var annealers = Enumerable.Range(0, workers)
            .Select(w => new Annealer(model, state.Rows, Seed(problem.Seed, w) + 2, problem.MaxIterations ?? long.MaxValue, until, problem.Cancellation, feasibilityOnly: true))
            .ToList();
        Parallel.ForEach(annealers, new ParallelOptions { MaxDegreeOfParallelism = workers }, a => a.Run());
        return (Best([from, state, .. annealers.Select(a => new SearchState(model, a.Best))]), annealers.Sum(a => a.Iterations));
    }

    /// <summary>Each worker's start: its own greedy roster, or, where the first worker's is far from legal (see
    /// <see cref="FarFromLegal"/>), that one repaired row by row for every worker, the rows split between the workers (a
    /// repair costs a row program per person, and each worker repairing its own start would halve how many rows get
    /// repaired in the window).</summary>
    private static (Func<int, int[][]> Start, bool Repaired) Starts(SolverModel model, int workers, int seed, long repairUntil, CancellationToken cancel)
    {
        if (model.ExactRows && RequestLedStart(model, workers) is { } led)
        {
            return (_ => led, false);
        }
        var first = Greedy.Construct(model, Seed(seed, 0));
        if (new SearchState(model, first).Hard >= FarFromLegal)
        {
            var shared = RowRepair.RepairSplit(model, first, workers, repairUntil, cancel);
            return (_ => shared, true);
        }
        return (w => w == 0 ? first : Greedy.Construct(model, Seed(seed, w)), false);
    }

    /// <summary>Whether this model's rows are solved exactly (<see cref="SolverModel.ExactRows"/>): where requests are dense
    /// over a long horizon and every person's row program can track every bound that binds (no multiplier left), within
    /// <see cref="ExactRowsWorkPerWorkerSecond"/> per second of <paramref name="workerSeconds"/> (the search's seconds times its
    /// workers) for solving everyone's row once. Such a model starts from
    /// <see cref="RequestLedStart"/> and its moves rebuild rows exactly.</summary>
    /// <remarks>Rebuilds with a bound priced by a multiplier cost up to twelve solves and found rows rarely worth taking,
    /// and a greedy start settles coverage first into rows that leave little room for requests later; where the rows can
    /// be exact, both are (measured on Curtois 20, the one instance of the 24 that qualifies: docs/engine-experiments.md).
    /// Shorter horizons and problems with several binding per-shift maxima keep the rows as tuned.</remarks>
    private static bool ExactRowsPay(SolverModel model, double workerSeconds)
    {
        if (model.People == 0 || !Neighbourhood.RequestsDense(model) || Neighbourhood.WeekendsIn(model) < Neighbourhood.LongHorizonWeekends)
        {
            return false;
        }
        var planner = new RowOptimizer(model, exact: true);
        double work = 0;
        for (var p = 0; p < model.People; p++)
        {
            var plan = planner.Plan(p);
            work += plan.Work;
            if (!plan.Exact || work > workerSeconds * ExactRowsWorkPerWorkerSecond)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Each person's row that best meets their own requests under every per-person rule, coverage ignored, solved
    /// exactly (every worker starts from these rows; the annealer then gives up what coverage needs); null where some
    /// person has no legal row.</summary>
    /// <remarks>The rows are solved split between the workers, then taken in person order: a row that would put more
    /// people on a cell than it holds (the search never does) is solved again on the cells still open.</remarks>
    private static int[][]? RequestLedStart(SolverModel model, int workers)
    {
        var rows = new int[model.People][];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var optimizer = new RowOptimizer(model);
            for (var p = w; p < model.People; p += workers)
            {
                rows[p] = optimizer.OwnBest(p) ? (int[])optimizer.Best.Clone() : [];
            }
        });
        var count = new int[model.Cells.Length];
        var again = new RowOptimizer(model);
        for (var p = 0; p < model.People; p++)
        {
            if (rows[p].Any(c => c >= 0 && count[c] >= model.Cells[c].Capacity))
            {
                rows[p] = again.OwnBest(p, c => count[c] < model.Cells[c].Capacity) ? (int[])again.Best.Clone() : [];
            }
            if (rows[p].Length == 0)
            {
                return null;
            }
            foreach (var c in rows[p].Where(c => c >= 0))
            {
                count[c]++;
            }
        }
        return rows;
    }

    /// <summary>Interchangeable empty slots (same unit, role, shift, date, interval) share one explanation. Past the time
    /// limit the remaining slots are listed without one (<see cref="UnfilledSlot.Explained"/> false).</summary>
    private static List<UnfilledSlot> Explain(RosterProblem problem, Dictionary<string, string> assignments, long hardDeadline)
    {
        var view = new RosterView(problem, assignments);
        var rulesByPerson = RosterValidator.HardRulesByPerson(problem);
        var done = new Dictionary<(string, string, string, NodaTime.LocalDate, NodaTime.Interval), IReadOnlyList<Exclusion>>();
        var result = new List<UnfilledSlot>();
        foreach (var slot in problem.Slots.Where(s => !s.Optional && !assignments.ContainsKey(s.Id)))
        {
            var key = (slot.UnitId, slot.Role, slot.ShiftCode, slot.Date, slot.Interval);
            if (!done.TryGetValue(key, out var candidates) && Stopwatch.GetTimestamp() < hardDeadline)
            {
                candidates = RosterValidator.Explain(view, rulesByPerson, slot);
                done[key] = candidates;
            }
            result.Add(candidates is null ? new UnfilledSlot(slot.Id, []) { Explained = false } : new UnfilledSlot(slot.Id, candidates));
        }
        return result;
    }

    /// <summary>One annealer per worker from <paramref name="start"/>, each for <paramref name="moves"/> (else the problem's
    /// iteration budget); they stop once legal past <paramref name="stopWhenLegalAt"/> (a timestamp) or
    /// <paramref name="stopWhenLegalAfter"/> moves.</summary>
    private static List<Annealer> Anneal(RosterProblem problem, SolverModel model, int workers, long until, Func<int, int[][]> start, double temperatureScale, long stopWhenLegalAt = long.MaxValue, double requestEmphasis = 1, double halfWeekendCharge = 0, long stopWhenLegalAfter = long.MaxValue, long? moves = null, double feasibleTemperature = Annealer.FeasibleTemperature, double progressFrom = 0, double progressTo = 1, double stopAtProgress = double.MaxValue, double reassignDaysAt = double.MaxValue)
    {
        // Starts are built in parallel too: a repaired start costs a row program per person.
        var starts = new int[workers][][];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w => starts[w] = start(w));
        var annealers = Enumerable.Range(0, workers)
            .Select(w => new Annealer(model, starts[w], Seed(problem.Seed, w) + 1, moves ?? problem.MaxIterations ?? long.MaxValue, until, problem.Cancellation, temperatureScale, stopWhenLegalAt, requestEmphasis, halfWeekendCharge, stallTicks: StallTicks(problem), stopWhenLegalAfter: stopWhenLegalAfter, feasibleTemperature: feasibleTemperature, progressFrom: progressFrom, progressTo: progressTo, stopAtProgress: stopAtProgress, reassignDaysAt: reassignDaysAt))
            .ToList();
        if (workers == 1)
        {
            annealers[0].Run();
        }
        else
        {
            Parallel.ForEach(annealers, new ParallelOptions { MaxDegreeOfParallelism = workers }, a => a.Run());
        }
        return annealers;
    }

    // Where the cooling leaves the whole horizon for slices of it (see AnnealSliced), and where it comes back for the
    // final phase. Slicing earlier bought nothing measurable on Curtois 24 (from 0.25, ten paired seeds), and from 0.1
    // one run's roster was still far from settled at the cut (docs/engine-experiments.md).
    private const double SliceFrom = 0.5;
    private const double SliceUntil = 0.9;

    // Where the final phase after slices stops for exact day reassignments (see DayAssignment). On a year the clock still
    // ends the passes while each gains something; from 0.96 it ended them sooner, with more left to gain. A month's search
    // ends at these optima already, so only a year gets them (measurements in docs/engine-experiments.md).
    private const double ReassignDaysAt = 0.92;

    /// <summary>How many slices the horizon is annealed in: one per worker, each at least a long horizon's weekends (so the
    /// long-horizon moves stay), at least two; 0 where slicing does not apply, and on a move budget below
    /// <see cref="SliceMinMovesPerPersonDay"/>.</summary>
    private static int SliceParts(SolverModel model, int workers, long? moveBudget)
    {
        var parts = Math.Min(workers, Neighbourhood.WeekendsIn(model) / Neighbourhood.LongHorizonWeekends);
        var enoughMoves = moveBudget is not { } budget || budget >= SliceMinMovesPerPersonDay * model.People * model.Days;
        return parts >= 2 && enoughMoves && HorizonSlice.Sliceable(model) ? parts : 0;
    }

    /// <summary>Each worker's moves per person and day below which a move budget anneals the whole horizon throughout.</summary>
    /// <remarks>The slices freeze how each person's totals are split between the halves as they stand at the middle of the
    /// cooling. A short cooling has not settled them by then: Curtois 24 at 10 M moves (about 180 per person-day) ended
    /// 2–3 times higher with slices than without, and once illegal. A clock-bound run always slices; at 120 s it makes
    /// about 1,000 moves per person-day per worker on this project's machines (docs/engine-experiments.md).</remarks>
    private const long SliceMinMovesPerPersonDay = 1_000;

    /// <summary>The middle of the cooling on slices of the horizon, from the best roster so far: worker w anneals slice
    /// w mod parts, the best of each slice's workers is put back, and every worker then runs the final phase on the whole
    /// horizon from there. The full-horizon annealers of the first part and of the final phase, the slices' moves, and how
    /// many slices ran (0 where the roster was not legal at the middle).</summary>
    /// <remarks>On a year (Curtois 24) the search is bound by moves per second: twice the time took a run several per cent
    /// lower. Each worker on its own half spends all its moves there, where two independent chains over the whole year
    /// each spread theirs over twice the days; the totals each slice may use are split so the halves fit together
    /// (<see cref="HorizonSlice"/>).</remarks>
    private static (List<Annealer> Annealers, long SliceMoves, int Parts) AnnealSliced(RosterProblem problem, SolverModel model, int workers, int parts, long deadline, List<Annealer> first, double emphasis, double halfWeekend)
    {
        var from = Best(first.Select(a => new SearchState(model, a.Best)));
        if (problem.Cancellation.IsCancellationRequested)
        {
            return (first, 0, 0);
        }
        if (from.Hard > 0)
        {
            // Not legal yet: halves could not be put back legally, so the rest of the cooling runs on the whole horizon.
            var rest = Anneal(problem, model, workers, deadline, _ => from.Rows, 1, requestEmphasis: emphasis, halfWeekendCharge: halfWeekend,
                moves: problem.MaxIterations is { } left ? (long)(left * (1 - SliceFrom)) : null, progressFrom: SliceFrom, progressTo: 1);
            return ([.. first, .. rest], 0, 0);
        }
        var now = Stopwatch.GetTimestamp();
        var until = problem.MaxIterations is null ? now + (long)((deadline - now) * (SliceUntil - SliceFrom) / (1 - SliceFrom)) : deadline;
        var sliceMoves = problem.MaxIterations is { } budget ? (long)(budget * (SliceUntil - SliceFrom)) : long.MaxValue;
        var cuts = HorizonSlice.Cuts(model, parts);
        var margin = HorizonSlice.Margin(model);
        var slices = Enumerable.Range(0, parts).Select(k => HorizonSlice.Cut(model, from.Rows, cuts[k], cuts[k + 1], margin, k, parts)).ToArray();
        var annealers = Enumerable.Range(0, workers).Select(w => new Annealer(slices[w % parts].Model, slices[w % parts].Take(from.Rows), Seed(problem.Seed, w) + 3,
            sliceMoves, until, problem.Cancellation, requestEmphasis: emphasis, halfWeekendCharge: halfWeekend, progressFrom: SliceFrom, progressTo: SliceUntil)).ToArray();
        Parallel.ForEach(annealers, new ParallelOptions { MaxDegreeOfParallelism = workers }, a => a.Run());
        var merged = from.Rows.Select(r => (int[])r.Clone()).ToArray();
        for (var k = 0; k < parts; k++)
        {
            var slice = slices[k];
            var best = Best(annealers.Where((_, w) => w % parts == k).Select(a => new SearchState(slice.Model, a.Best)));
            slice.Put(best.Rows, merged);
        }
        var put = new SearchState(model, merged);
        var start = Beats(put, from) ? merged : from.Rows;
        var final = Anneal(problem, model, workers, deadline, _ => start, 1, requestEmphasis: emphasis, halfWeekendCharge: halfWeekend,
            moves: problem.MaxIterations is { } m ? (long)(m * (1 - SliceUntil)) : null, progressFrom: SliceUntil, progressTo: 1, reassignDaysAt: ReassignDaysAt);
        return ([.. first, .. final], annealers.Sum(a => a.Iterations), parts);
    }

    /// <summary>The best scored roster: fewest hard violations, then lowest soft score (the first of equals).</summary>
    private static SearchState Best(IEnumerable<SearchState> rosters) => rosters.Aggregate((best, next) => Beats(next, best) ? next : best);

    private static bool Beats(SearchState a, SearchState b) => a.Hard < b.Hard || (a.Hard == b.Hard && a.Soft < b.Soft);

    private static long StallTicks(RosterProblem problem) => problem is { MaxIterations: null, StallLimit: { } stall }
        ? (long)(stall.TotalSeconds * Stopwatch.Frequency)
        : long.MaxValue;

    private static int Seed(int seed, int worker) => unchecked((seed * 7919) + (worker * 104729));
}
