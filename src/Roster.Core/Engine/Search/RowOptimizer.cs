namespace Roster.Core.Engine.Search;

/// <summary>Rebuilds one person's whole row at the best price given everyone else's rows (a very large move that single-day
/// moves cannot make when run lengths and days off tie the days together).</summary>
/// <remarks>Prices: the change in coverage cost each option causes, requests and stability. Totals over the horizon
/// (minutes, shifts, shifts per type, weekends when not tracked by the program) get Lagrange multipliers adjusted over a
/// few rounds; every round's row is scored exactly by <see cref="RowEvaluator"/> and the cheapest is kept.</remarks>
internal sealed class RowOptimizer
{
    private const int RoundCount = 12;

    /// <summary>A day with no forced option.</summary>
    public const int Free = int.MinValue;
    private const int MaxTrackedWeekends = 6;
    private const int MaxTrackedUnits = 200;
    private const int MaxCountedShifts = 12;
    private const long MaxWork = 20_000_000;
    // Exact rows track weekends and totals a move's rebuild usually prices with multipliers: a larger state per solve,
    // but one solve instead of up to RoundCount rounds.
    private const long ExactMaxWork = 200_000_000;
    private const int ExactMaxTrackedUnits = 1_000;
    private readonly bool _exact;
    private readonly bool _allWeekends;
    private readonly int _weekends;
    private readonly SolverModel _model;
    private readonly RowProgram _program;
    private readonly double[][] _base;
    private readonly int[] _candidate;
    private readonly double[] _loads;
    private readonly double[] _shiftPrice;
    private readonly double[] _shiftStep;
    private readonly int[] _shiftLast;
    private readonly double _priceScale;
    private readonly int[] _shiftCount;
    private readonly int[] _shiftMax;
    private (long MinMinutes, long MaxMinutes, int MinShifts, int MaxShifts) _totals;

    /// <param name="model">The problem the rows belong to; with <see cref="SolverModel.ExactRows"/> every optimizer of it is exact.</param>
    /// <param name="exact">Track every horizon total the row program can hold within a larger budget, instead of the
    /// small state moves can usually afford.</param>
    /// <param name="allWeekends">Track every weekend limit that binds, within that larger budget, the totals as moves do
    /// (column pricing: see <see cref="ColumnSearch"/>).</param>
    public RowOptimizer(SolverModel model, bool exact = false, bool allWeekends = false)
    {
        _model = model;
        _exact = exact || model.ExactRows;
        _allWeekends = allWeekends || _exact;
        _weekends = Neighbourhood.WeekendsIn(model);
        _program = new RowProgram(model);
        var maxOptions = 1 + Enumerable.Range(0, model.People).SelectMany(p => model.EligibleOnDay[p]).Select(o => o.Length).DefaultIfEmpty(0).Max();
        _program.Prepare(Math.Max(1, maxOptions));
        _base = Enumerable.Range(0, model.Days).Select(_ => new double[Math.Max(1, maxOptions)]).ToArray();
        _candidate = new int[model.Days];
        _loads = new double[model.Roles];
        _shiftPrice = new double[model.Shifts];
        _shiftStep = new double[model.Shifts];
        _shiftLast = new int[model.Shifts];
        _priceScale = Math.Max(10, model.Cells.Select(c => c.Under).DefaultIfEmpty(0).Max());
        _shiftCount = new int[model.Shifts];
        _shiftMax = new int[model.Shifts];
        Best = new int[model.Days];
    }

    /// <summary>The cheapest row found by the last <see cref="Optimise"/>.</summary>
    public int[] Best { get; }

    /// <summary>Finds the cheapest row for <paramref name="p"/>; true when it differs from the current row and, unless
    /// <paramref name="anyRow"/>, costs less (row cost plus coverage change, at the state's hard weight).</summary>
    public bool Optimise(SearchState state, int p, bool anyRow = false, int rounds = RoundCount)
    {
        var row = state.Rows[p];
        FillOptions(p, row, (c, d) => CoverageChange(state, c, row[d] == c), c => Others(state, c, row[Cell(c).Day] == c) < Cell(c).Capacity, requestScale: state.RequestScale);
        var bestCost = anyRow ? double.PositiveInfinity : RowCost(state, p, row);
        var found = false;
        Rounds(p, rounds, candidate =>
        {
            var cost = RowCost(state, p, candidate);
            if (cost < bestCost - 1e-9)
            {
                (bestCost, found) = (cost, true);
                Array.Copy(candidate, Best, _model.Days);
            }
        });
        return found && !Best.AsSpan().SequenceEqual(row);
    }

    /// <summary>Column pricing: rows of <paramref name="p"/> that break no per-person rule, priced at the row's own soft
    /// score minus the duals of the cells it covers; each row found is passed to <paramref name="found"/> with that price.</summary>
    /// <remarks><paramref name="forced"/>: per day, the only option allowed (a cell, or −1 for off), or <see cref="Free"/>.</remarks>
    public void Price(int p, double[] cellDual, int[]? forced, Action<int[], double> found, bool jitter = true)
    {
        // A small fixed jitter breaks ties between equally priced cells, so that a multiplier on a per-shift limit can
        // take them one at a time instead of all or none.
        FillOptions(p, null, (c, _) => (jitter ? Jitter(c) : 0) - cellDual[c], _ => true, forced);
        Rounds(p, RoundCount, candidate =>
        {
            var (hard, soft) = RowEvaluator.Evaluate(_model, p, candidate, _loads);
            if (hard > 0)
            {
                return;
            }
            var price = soft;
            foreach (var c in candidate)
            {
                price -= c >= 0 ? cellDual[c] : 0;
            }
            found(candidate, price);
        });
    }

    /// <summary>The row that best meets <paramref name="p"/>'s own requests under every per-person rule, coverage ignored
    /// (into <see cref="Best"/>), on the cells <paramref name="open"/> lets in (all when null); false when no round found
    /// a row that keeps the rules.</summary>
    public bool OwnBest(int p, Func<int, bool>? open = null)
    {
        FillOptions(p, null, (_, _) => 0, open ?? (_ => true));
        var (bestHard, bestSoft) = (double.PositiveInfinity, double.PositiveInfinity);
        Rounds(p, RoundCount, candidate =>
        {
            var (hard, soft) = RowEvaluator.Evaluate(_model, p, candidate, _loads);
            if (hard < bestHard || (hard == bestHard && soft < bestSoft))
            {
                (bestHard, bestSoft) = (hard, soft);
                Array.Copy(candidate, Best, _model.Days);
            }
        });
        return bestHard == 0;
    }

    /// <summary>The work of one solve of <paramref name="p"/>'s row and whether that solve is exact: every horizon total,
    /// weekend limit and per-shift maximum that can bind is in the program's state, none left to a multiplier.</summary>
    public (long Work, bool Exact) Plan(int p)
    {
        var (tracked, weekends, bounded) = ConfigureAll(p);
        var weekendsBind = _model.Limits[p].MaxWeekends < _weekends;
        var shiftsBind = Enumerable.Range(0, _model.Shifts).Any(s => _shiftMax[s] > 0 && _shiftMax[s] < _model.Days && s != _program.CountedShift);
        return (_program.Work(p, weekends), (tracked != Tracked.None || !bounded) && (weekends || !weekendsBind) && !shiftsBind);
    }

    private Cell Cell(int c) => _model.Cells[c];

    private double Jitter(int c) => _priceScale * 1e-3 * ((uint)(c * 2654435761u) >> 22) / 1024;

    /// <summary>How many people other than the one considered hold cell <paramref name="c"/> (<paramref name="holds"/>: that person does).</summary>
    private static int Others(SearchState state, int c, bool holds) => state.Count[c] - (holds ? 1 : 0);

    /// <summary>What adding the person considered to cell <paramref name="c"/> changes in coverage cost, the others staying.</summary>
    private static double CoverageChange(SearchState state, int c, bool holds)
    {
        var (cell, others) = (state.Cells[c], Others(state, c, holds));
        return SearchState.CellCost(cell, others + 1) - SearchState.CellCost(cell, others);
    }

    /// <summary>Solves the row program a few times, moving the multipliers of the horizon totals toward their bounds.</summary>
    private void Rounds(int p, int rounds, Action<int[]> candidate)
    {
        var limits = _model.Limits[p];
        var (totalMin, totalMax, countMin, countMax) = _totals;
        var (tracked, trackWeekends) = Configure(p);
        double minutePrice = 0, countPrice = 0, weekendPrice = 0;
        var step = _priceScale / 8;
        double minuteStep = step / Math.Max(1, _model.MinutesPerUnit), countStep = step, weekendStep = step;
        int minuteLast = 0, countLast = 0, weekendLast = 0;
        Array.Clear(_shiftPrice);
        Array.Clear(_shiftLast);
        Array.Fill(_shiftStep, step);
        for (var round = 0; round < rounds; round++)
        {
            SetPrices(minutePrice, countPrice, weekendPrice, trackWeekends);
            if (!_program.Solve(p, _candidate, trackWeekends))
            {
                break;
            }
            candidate(_candidate);
            var (minutes, shifts, weekends) = Count(_candidate);
            var violated = false;
            violated |= tracked != Tracked.Minutes && Adjust(ref minutePrice, ref minuteStep, ref minuteLast, minutes > totalMax ? 1 : minutes < totalMin ? -1 : 0, allowNegative: true);
            violated |= tracked != Tracked.Shifts && Adjust(ref countPrice, ref countStep, ref countLast, shifts > countMax ? 1 : shifts < countMin ? -1 : 0, allowNegative: true);
            violated |= !trackWeekends && Adjust(ref weekendPrice, ref weekendStep, ref weekendLast, weekends > limits.MaxWeekends ? 1 : 0, allowNegative: false);
            for (var s = 0; s < _model.Shifts; s++)
            {
                violated |= s != _program.CountedShift && Adjust(ref _shiftPrice[s], ref _shiftStep[s], ref _shiftLast[s], _shiftCount[s] > _shiftMax[s] ? 1 : 0, allowNegative: false);
            }
            if (!violated)
            {
                break;
            }
        }
    }

    /// <summary>Per person, the work of one pricing of their row (<see cref="RowProgram.Work"/> times the multiplier rounds
    /// expected); measured once per model (see <see cref="SolverModel.RowWork"/>).</summary>
    public static long[] RowWork(SolverModel model)
    {
        if (model.RowWork is null)
        {
            var optimizer = new RowOptimizer(model);
            model.RowWork = Enumerable.Range(0, model.People).Select(optimizer.Work).ToArray();
        }
        return model.RowWork;
    }

    /// <summary>The work of pricing <paramref name="p"/>'s row with the tracking it would get.</summary>
    private long Work(int p)
    {
        var (tracked, weekends, bounded) = ConfigureAll(p);
        // A horizon total left to its multiplier takes many rounds of the program (all of them where no row fits: 52
        // of 150 people found one on Curtois 24); a tracked one ends in a round or two.
        return _program.Work(p, weekends) * (tracked == Tracked.None && bounded ? RoundCount : 1);
    }

    /// <summary>Every option open for <paramref name="p"/>, the tracking chosen, and whether a horizon total bounds the row.</summary>
    private (Tracked Tracked, bool Weekends, bool Bounded) ConfigureAll(int p)
    {
        FillOptions(p, null, (_, _) => 0, _ => true);
        var (tracked, weekends) = Configure(p);
        var (minMinutes, maxMinutes, minShifts, maxShifts) = _totals;
        return (tracked, weekends, minMinutes > 0 || maxMinutes < long.MaxValue || minShifts > 0 || maxShifts < int.MaxValue);
    }

    /// <summary>Chooses what the program tracks exactly for <paramref name="p"/> (options must be filled): the horizon total,
    /// one per-shift count, weekends. Exact tracking multiplies the state; past a budget the per-shift count, then the
    /// total, then weekends are priced by multipliers instead.</summary>
    private (Tracked Tracked, bool Weekends) Configure(int p)
    {
        var limits = _model.Limits[p];
        var (totalMin, totalMax, countMin, countMax) = _totals;
        // Exact rows and column pricing track a weekend limit whenever it binds; moves' rows only where the state stays small.
        var trackWeekends = _allWeekends ? limits.MaxWeekends < _weekends : limits.MaxWeekends <= MaxTrackedWeekends;
        var maxWork = _allWeekends ? ExactMaxWork : MaxWork;
        var tracked = Track(totalMin, totalMax, countMin, countMax);
        CountOneShift();
        if (_program.Work(p, trackWeekends) > maxWork)
        {
            _program.CountedShift = -1;
        }
        if (_program.Work(p, trackWeekends) > maxWork)
        {
            tracked = Track(0, long.MaxValue, 0, int.MaxValue);
        }
        return (tracked, trackWeekends && _program.Work(p, trackWeekends) <= maxWork);
    }

    private enum Tracked
    {
        None,
        Minutes,
        Shifts,
    }

    /// <summary>Puts one horizon total into the program's state exactly: minutes (in units of their common divisor) when
    /// bounded, else the number of shifts when bounded, as long as the state stays small; the rest is priced.</summary>
    private Tracked Track(long minMinutes, long maxMinutes, int minShifts, int maxShifts)
    {
        var days = _model.Days;
        (_program.UseMin, _program.UseMax, _program.UseSaturates) = (0, 0, false);
        var unit = 0;
        for (var d = 0; d < days; d++)
        {
            for (var o = 0; o < _program.OptionCount[d]; o++)
            {
                var c = _program.Options[d][o];
                unit = c >= 0 ? Gcd(unit, _model.Cells[c].Minutes) : unit;
            }
        }
        Tracked tracked;
        long min, max;
        if ((minMinutes > 0 || maxMinutes < long.MaxValue) && unit > 0)
        {
            (tracked, min, max) = (Tracked.Minutes, (minMinutes + unit - 1) / unit, maxMinutes == long.MaxValue ? long.MaxValue : maxMinutes / unit);
        }
        else if (minShifts > 0 || maxShifts < int.MaxValue)
        {
            (tracked, min, max, unit) = (Tracked.Shifts, minShifts, maxShifts == int.MaxValue ? long.MaxValue : maxShifts, 0);
        }
        else
        {
            tracked = Tracked.None;
            (min, max) = (0, 0);
        }
        var saturates = max == long.MaxValue;
        var top = saturates ? min : max;
        if (tracked == Tracked.None || top > (_exact ? ExactMaxTrackedUnits : MaxTrackedUnits) || min > top)
        {
            tracked = Tracked.None;
            (min, top, saturates) = (0, 0, false);
        }
        (_program.UseMin, _program.UseMax, _program.UseSaturates) = ((int)min, (int)top, saturates);
        for (var d = 0; d < days; d++)
        {
            for (var o = 0; o < _program.OptionCount[d]; o++)
            {
                var c = _program.Options[d][o];
                _program.Use[d][o] = c < 0 || tracked == Tracked.None ? 0 : tracked == Tracked.Shifts ? 1 : _model.Cells[c].Minutes / unit;
            }
        }
        return tracked;
    }

    /// <summary>Tracks the tightest per-shift maximum in the program's state exactly when it binds (below the number of days) and is small.</summary>
    private void CountOneShift()
    {
        _program.CountedShift = -1;
        for (var s = 0; s < _model.Shifts; s++)
        {
            if (_shiftMax[s] > 0 && _shiftMax[s] < _model.Days && _shiftMax[s] <= MaxCountedShifts
                && (_program.CountedShift < 0 || _shiftMax[s] < _program.CountedMax))
            {
                (_program.CountedShift, _program.CountedMax) = (s, _shiftMax[s]);
            }
        }
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>Moves a multiplier toward the bound that broke: the step grows while the same bound keeps breaking and
    /// halves when the other bound breaks (a bisection once the window is bracketed).</summary>
    private static bool Adjust(ref double price, ref double step, ref int last, int direction, bool allowNegative)
    {
        if (direction == 0)
        {
            return false;
        }
        step *= last == -direction ? 0.5 : last == direction ? 1.5 : 1;
        last = direction;
        price += direction * step;
        if (!allowNegative)
        {
            price = Math.Max(0, price);
        }
        return true;
    }

    /// <summary>Options of each day with their prices: off, and each eligible cell <paramref name="open"/> lets in, priced
    /// <paramref name="cellPrice"/> plus requests and stability. A locked day offers only its current cell. Also reads the
    /// person's horizon totals (<see cref="_totals"/>, <see cref="_shiftMax"/>) for the rounds that follow.</summary>
    private void FillOptions(int p, int[]? row, Func<int, int, double> cellPrice, Func<int, bool> open, int[]? forced = null, double requestScale = 1)
    {
        var limits = _model.Limits[p];
        _totals = Totals(limits);
        for (var d = 0; d < _model.Days; d++)
        {
            var options = _program.Options[d];
            var prices = _base[d];
            var n = 0;
            if (limits.Locked[d])
            {
                (options[0], prices[0]) = (row?[d] ?? _model.Pinned[p][d], 0);
                _program.OptionCount[d] = 1;
                continue;
            }
            if (forced is not null && forced[d] != Free)
            {
                var c = forced[d];
                (options[0], prices[0]) = (c, (c >= 0 ? cellPrice(c, d) : 0) + DayPrice(limits, d, c, requestScale));
                _program.OptionCount[d] = 1;
                continue;
            }
            options[n] = -1;
            prices[n++] = DayPrice(limits, d, -1, requestScale);
            foreach (var c in _model.EligibleOnDay[p][d])
            {
                if (!open(c) || _shiftMax[_model.Cells[c].Shift] == 0)
                {
                    continue;
                }
                options[n] = c;
                prices[n++] = cellPrice(c, d) + DayPrice(limits, d, c, requestScale);
            }
            _program.OptionCount[d] = n;
        }
    }

    private double DayPrice(PersonLimits limits, int d, int c, double requestScale)
    {
        double price = 0;
        if (limits.Requests[d] is { } requests)
        {
            foreach (var r in requests)
            {
                if (!r.MetBy(c >= 0 ? _model.Cells[c].Shift : -1))
                {
                    price += r.Weight * requestScale;
                }
            }
        }
        var previous = limits.PreviousCell[d];
        return previous >= 0 && c != previous ? price + limits.StabilityWeight : price;
    }

    private void SetPrices(double minutePrice, double countPrice, double weekendPrice, bool trackWeekends)
    {
        for (var d = 0; d < _model.Days; d++)
        {
            var options = _program.Options[d];
            for (var o = 0; o < _program.OptionCount[d]; o++)
            {
                var c = options[o];
                var price = _base[d][o];
                if (c >= 0)
                {
                    var cell = _model.Cells[c];
                    price += (minutePrice * cell.Minutes) + countPrice + _shiftPrice[cell.Shift];
                    var weekend = _model.WeekendOfDay[d];
                    // A weekend's price is put on its Saturday and its Sunday alike: an approximation the exact score corrects.
                    price += !trackWeekends && weekend >= 0 ? weekendPrice * 0.5 : 0;
                }
                _program.Price[d][o] = price;
            }
        }
    }

    /// <summary>Horizon-wide bounds the multipliers enforce (windowed or role-specific limits are left to the exact score).</summary>
    private (long MinMinutes, long MaxMinutes, int MinShifts, int MaxShifts) Totals(PersonLimits limits)
    {
        long minMinutes = 0, maxMinutes = long.MaxValue;
        int minShifts = 0, maxShifts = int.MaxValue;
        Array.Fill(_shiftMax, int.MaxValue);
        foreach (var w in limits.Workloads)
        {
            if (w.FromDay != 0 || w.ToDay != _model.Days - 1 || w.Role != -1 || w.Shift == -2)
            {
                continue;
            }
            if (w.Shift >= 0)
            {
                _shiftMax[w.Shift] = Math.Min(_shiftMax[w.Shift], w.MaxShifts);
                continue;
            }
            (minMinutes, maxMinutes) = (Math.Max(minMinutes, w.MinMinutes), Math.Min(maxMinutes, w.MaxMinutes));
            (minShifts, maxShifts) = (Math.Max(minShifts, w.MinShifts), Math.Min(maxShifts, w.MaxShifts));
        }
        return (minMinutes, maxMinutes, minShifts, maxShifts);
    }

    private (long Minutes, int Shifts, int Weekends) Count(int[] row)
    {
        Array.Clear(_shiftCount);
        long minutes = 0;
        int shifts = 0, weekends = 0, lastWeekend = -1;
        for (var d = 0; d < row.Length; d++)
        {
            if (row[d] < 0)
            {
                continue;
            }
            var cell = _model.Cells[row[d]];
            (minutes, shifts) = (minutes + cell.Minutes, shifts + 1);
            _shiftCount[cell.Shift]++;
            var weekend = _model.WeekendOfDay[d];
            if (weekend >= 0 && weekend != lastWeekend)
            {
                (weekends, lastWeekend) = (weekends + 1, weekend);
            }
        }
        return (minutes, shifts, weekends);
    }

    /// <summary>What the row costs the search: its own hard and soft score plus the coverage it causes.</summary>
    private double RowCost(SearchState state, int p, int[] row)
    {
        var (hard, soft) = RowEvaluator.Evaluate(_model, p, row, _loads, requestScale: state.RequestScale);
        var current = state.Rows[p];
        double coverage = 0;
        for (var d = 0; d < row.Length; d++)
        {
            coverage += row[d] >= 0 ? CoverageChange(state, row[d], current[d] == row[d]) : 0;
        }
        return (hard * state.HardWeight) + (soft * state.SoftWeight) + (coverage * state.SoftWeight);
    }
}
