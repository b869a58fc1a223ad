using System.Numerics;

namespace Roster.Core.Engine.Search;

/// <summary>Dynamic programming over one person's days: the cheapest row under given per-day option prices that keeps
/// every sequence rule exactly (successions, rest between adjacent days, run lengths, days off, max weekends when tracked).</summary>
/// <remarks>State of a day: the option taken, the length of the current run (capped where longer runs no longer matter;
/// the run that began on the first day apart, exempt from minimums), weekends worked when tracked, the tracked total
/// (<see cref="Use"/>) and the tracked per-shift count (<see cref="CountedShift"/>). <see cref="RowOptimizer"/> decides what
/// is tracked and prices the rest with multipliers.
/// <para>The totals are the innermost dimensions, so one option's states of one run length form a contiguous block, and
/// a transition moves a whole block by a fixed offset: the day's sweep is vector min-plus over blocks. The options of
/// the previous day that a cell may follow are merged first (one elementwise minimum per group of cells that may follow
/// the same options), so a day costs about options × blocks instead of options² × blocks. Every day's costs are kept;
/// the row is read back by finding, day by day, a previous state whose cost plus the price gives the next one exactly.</para></remarks>
internal sealed class RowProgram
{
    private readonly SolverModel _model;
    private double[] _cost = [];
    private double[] _merged = [];
    private ulong[] _masks = [];
    private int[] _order = [];
    private Reach[] _reach = [];

    public RowProgram(SolverModel model) => _model = model;

    /// <summary>Per day, the options (cell or −1 = off) and their prices; filled by the caller.</summary>
    public int[][] Options { get; private set; } = [];

    public double[][] Price { get; private set; } = [];

    public int[] OptionCount { get; private set; } = [];

    /// <summary>Per day and option, the units of the tracked total it uses (minutes in units of their common divisor, or shifts).</summary>
    public int[][] Use { get; private set; } = [];

    /// <summary>Tracked total: at least <see cref="UseMin"/> and at most <see cref="UseMax"/> units; with
    /// <see cref="UseSaturates"/> there is no maximum and counting stops at the minimum.</summary>
    public int UseMin { get; set; }

    public int UseMax { get; set; }

    public bool UseSaturates { get; set; }

    /// <summary>A second tracked total, with a maximum only: shifts of <see cref="CountedShift"/> (−1 = none), at most <see cref="CountedMax"/>.</summary>
    public int CountedShift { get; set; } = -1;

    public int CountedMax { get; set; }

    public void Prepare(int maxOptions)
    {
        if (Options.Length != _model.Days || Options[0].Length < maxOptions)
        {
            Options = Enumerable.Range(0, _model.Days).Select(_ => new int[maxOptions]).ToArray();
            Price = Enumerable.Range(0, _model.Days).Select(_ => new double[maxOptions]).ToArray();
            Use = Enumerable.Range(0, _model.Days).Select(_ => new int[maxOptions]).ToArray();
            OptionCount = new int[_model.Days];
        }
    }

    /// <summary>About how many state updates <see cref="Solve"/> will make with the current settings (each option's
    /// block is merged once and moved about twice a day), plus the options² succession checks of each day, which
    /// dominate where blocks are small (about 4 units each: `bench pricing` 24 took 3.1–3.3 s a round for 150 people of
    /// 12 solves each, ≈ 1.8 ms a solve with 33 options over 364 days).</summary>
    public long Work(int person, bool trackWeekends)
    {
        var k = (long)Width();
        return ((3 * k * Shape(_model.Limits[person], trackWeekends).Block) + (4 * k * k)) * _model.Days;
    }

    /// <summary>Options on the busiest day: the stride of the state's option dimension.</summary>
    private int Width()
    {
        var k = 1;
        for (var d = 0; d < _model.Days; d++)
        {
            k = Math.Max(k, OptionCount[d]);
        }
        return k;
    }

    /// <summary>Sizes of the state's dimensions besides the option: run-length values (0 = the first run), weekends,
    /// tracked-total values and per-shift count values; and the caps on work and off runs.</summary>
    private Layout Shape(PersonLimits limits, bool trackWeekends)
    {
        var days = _model.Days;
        var workCap = limits.MaxConsecutive < int.MaxValue ? Math.Min(limits.MaxConsecutive, days) : Math.Max(1, Math.Min(limits.MinConsecutive, days));
        var offCap = Math.Max(1, Math.Min(limits.MinDaysOff, days));
        var weekends = trackWeekends ? Math.Max(0, limits.MaxWeekends) + 1 : 1;
        return new Layout(workCap, offCap, Math.Max(workCap, offCap) + 1, weekends, UseMax + 1, CountedShift >= 0 ? CountedMax + 1 : 1);
    }

    private readonly record struct Layout(int WorkCap, int OffCap, int Lengths, int Weekends, int Uses, int Counts)
    {
        public int Tail => Weekends * Uses * Counts;

        public int Block => Lengths * Tail;

        public int Index(int option, int length, int w, int u, int n) => (((((((option * Lengths) + length) * Weekends) + w) * Counts) + n) * Uses) + u;

        public (int W, int U, int N) Totals(int state) => (state / (Uses * Counts) % Weekends, state % Uses, state / Uses % Counts);
    }

    /// <summary>The highest weekends, tracked total and per-shift count any state of a day can hold: the sweep reads no further.</summary>
    private readonly record struct Reach(int W, int U, int N)
    {
        public Reach After(int w, int u, int n, Layout shape) => new(Math.Min(W + w, shape.Weekends - 1), Math.Min(U + u, shape.Uses - 1), Math.Min(N + n, shape.Counts - 1));
    }

    /// <summary>Writes the cheapest row into <paramref name="row"/>; false when no row keeps the sequence rules.</summary>
    /// <remarks>Run length 0 stands for the run that began on the first day: its length is the day number plus one, and it
    /// is exempt from the minimums.</remarks>
    public bool Solve(int person, int[] row, bool trackWeekends)
    {
        var limits = _model.Limits[person];
        var days = _model.Days;
        var k = Width();
        var shape = Shape(limits, trackWeekends);
        var states = k * shape.Block;
        Reserve(k, shape, states * days);
        Start(limits, shape, k, trackWeekends);
        for (var d = 1; d < days; d++)
        {
            Sweep(limits, shape, k, d, trackWeekends);
        }
        var last = (days - 1) * states;
        var best = -1;
        for (var s = 0; s < states; s++)
        {
            if (shape.Totals(s).U >= UseMin && _cost[last + s] < double.PositiveInfinity && (best < 0 || _cost[last + s] < _cost[last + best]))
            {
                best = s;
            }
        }
        if (best < 0)
        {
            return false;
        }
        for (var d = days - 1; d > 0; d--)
        {
            row[d] = Options[d][best / shape.Block];
            best = Previous(limits, shape, k, d, best, trackWeekends);
        }
        row[0] = Options[0][best / shape.Block];
        return true;
    }

    private void Reserve(int k, Layout shape, int cells)
    {
        if (_cost.Length < cells)
        {
            _cost = new double[cells];
        }
        if (_merged.Length < shape.Block)
        {
            _merged = new double[shape.Block];
        }
        var words = (k + 63) / 64;
        if (_masks.Length < (k + 1) * words || _order.Length < k)
        {
            (_masks, _order) = (new ulong[(k + 1) * words], new int[k]);
        }
        if (_reach.Length < _model.Days)
        {
            _reach = new Reach[_model.Days];
        }
    }

    /// <summary>The first day's states; also the highest tracked total each day can reach.</summary>
    private void Start(PersonLimits limits, Layout shape, int k, bool trackWeekends)
    {
        var states = k * shape.Block;
        Array.Fill(_cost, double.PositiveInfinity, 0, states);
        for (var o = 0; o < OptionCount[0]; o++)
        {
            var w = Options[0][o] >= 0 && _model.WeekendOfDay[0] >= 0 && trackWeekends ? 1 : 0;
            var (u, n) = (Used(0, Use[0][o]), Counted(0, o));
            if (w >= shape.Weekends || u > UseMax || n >= shape.Counts || (Options[0][o] >= 0 && limits.MaxConsecutive < 1))
            {
                continue;
            }
            _cost[shape.Index(o, 0, w, u, n)] = Price[0][o];
        }
        var reach = new Reach(0, 0, 0);
        for (var d = 0; d < _model.Days; d++)
        {
            var (most, counted) = (0, 0);
            for (var o = 0; o < OptionCount[d]; o++)
            {
                (most, counted) = (Math.Max(most, Use[d][o]), Math.Max(counted, Counted(d, o)));
            }
            var weekend = _model.WeekendOfDay[d];
            var newWeekend = trackWeekends && weekend >= 0 && (d == 0 || _model.WeekendOfDay[d - 1] != weekend) ? 1 : 0;
            reach = reach.After(newWeekend, most, counted, shape);
            _reach[d] = reach;
        }
    }

    /// <summary>Day <paramref name="d"/>'s states from day d − 1's: off from off and from any work; a cell from off and
    /// from the merged working options it may follow.</summary>
    private void Sweep(PersonLimits limits, Layout shape, int k, int d, bool trackWeekends)
    {
        var states = k * shape.Block;
        var (from, to) = ((d - 1) * states, d * states);
        Array.Fill(_cost, double.PositiveInfinity, to, states);
        var words = (k + 63) / 64;
        // Mask slot k holds every working option of day d − 1.
        var anyWork = _masks.AsSpan(k * words, words);
        anyWork.Clear();
        var offBefore = -1;
        for (var p = 0; p < OptionCount[d - 1]; p++)
        {
            if (Options[d - 1][p] < 0)
            {
                offBefore = p;
            }
            else
            {
                anyWork[p >> 6] |= 1UL << (p & 63);
            }
        }
        var targets = 0;
        for (var o = 0; o < OptionCount[d]; o++)
        {
            var cell = Options[d][o];
            if (offBefore >= 0)
            {
                Move(limits, shape, d, prevWorks: false, _cost, from + (offBefore * shape.Block), to, o, trackWeekends);
            }
            if (cell < 0)
            {
                if (anyWork.IndexOfAnyExcept(0UL) >= 0)
                {
                    Merge(from, shape, _reach[d - 1], _merged, anyWork);
                    Move(limits, shape, d, prevWorks: true, _merged, 0, to, o, trackWeekends);
                }
                continue;
            }
            var mask = _masks.AsSpan(o * words, words);
            mask.Clear();
            for (var p = 0; p < OptionCount[d - 1]; p++)
            {
                var prev = Options[d - 1][p];
                if (prev >= 0 && _model.Follows(limits, prev, cell))
                {
                    mask[p >> 6] |= 1UL << (p & 63);
                }
            }
            _order[targets++] = o;
        }
        // Cells that may follow the same options share one merge.
        for (var i = 0; i < targets; i++)
        {
            var o = _order[i];
            if (o < 0 || _masks.AsSpan(o * words, words).IndexOfAnyExcept(0UL) < 0)
            {
                continue;
            }
            var mask = _masks.AsSpan(o * words, words);
            Merge(from, shape, _reach[d - 1], _merged, mask);
            for (var j = i; j < targets; j++)
            {
                var other = _order[j];
                if (other >= 0 && _masks.AsSpan(other * words, words).SequenceEqual(mask))
                {
                    Move(limits, shape, d, prevWorks: true, _merged, 0, to, other, trackWeekends);
                    _order[j] = -1;
                }
            }
        }
    }

    /// <summary>Elementwise minimum over the blocks of day d − 1's options in <paramref name="mask"/>, within that day's
    /// reach (the rest of <paramref name="into"/> is left as it was and never read).</summary>
    private void Merge(int from, Layout shape, Reach reach, double[] into, ReadOnlySpan<ulong> mask)
    {
        var first = true;
        // Without a tracked total the counts are the innermost dimension: one span each instead of one per count.
        var (counts, span) = shape.Uses == 1 ? (1, reach.N + 1) : (reach.N + 1, reach.U + 1);
        for (var word = 0; word < mask.Length; word++)
        {
            for (var bits = mask[word]; bits != 0; bits &= bits - 1)
            {
                var block = from + ((((word * 64) + BitOperations.TrailingZeroCount(bits))) * shape.Block);
                for (var length = 0; length < shape.Lengths; length++)
                {
                    for (var w = 0; w <= reach.W; w++)
                    {
                        for (var n = 0; n < counts; n++)
                        {
                            var at = shape.Index(0, length, w, 0, n);
                            var source = _cost.AsSpan(block + at, span);
                            var target = into.AsSpan(at, span);
                            if (first)
                            {
                                source.CopyTo(target);
                            }
                            else
                            {
                                Min(source, target);
                            }
                        }
                    }
                }
                first = false;
            }
        }
    }

    /// <summary>Moves every run length's block of <paramref name="source"/> into option <paramref name="o"/> of day
    /// <paramref name="d"/> (layer at <paramref name="to"/>), shifted by what the option adds to the totals.</summary>
    private void Move(PersonLimits limits, Layout shape, int d, bool prevWorks, double[] source, int at, int to, int o, bool trackWeekends)
    {
        var works = Options[d][o] >= 0;
        var (dw, du, dn) = (WeekendStep(d, prevWorks, works, trackWeekends), Use[d][o], Counted(d, o));
        var price = Price[d][o];
        var reach = _reach[d - 1];
        var plain = Math.Min(reach.U, UseMax - du);
        // Without a tracked total (one use value, no shift by it) the counts are contiguous in source and target alike.
        var fused = shape.Uses == 1 && du == 0 && !UseSaturates;
        // Counts a move would carry past the top are dropped, as in the loop below (an empty span when none fit).
        var countSpan = Math.Min(reach.N, shape.Counts - 1 - dn) + 1;
        for (var length = 0; length < shape.Lengths; length++)
        {
            var next = NextLength(limits, shape, d, prevWorks, works, length);
            if (next < 0)
            {
                continue;
            }
            if (fused)
            {
                for (var w = 0; w <= reach.W && w + dw < shape.Weekends; w++)
                {
                    var src = at + shape.Index(0, length, w, 0, 0);
                    var dst = to + shape.Index(o, next, w + dw, 0, dn);
                    MinPlus(source.AsSpan(src, countSpan), _cost.AsSpan(dst, countSpan), price);
                }
                continue;
            }
            for (var w = 0; w <= reach.W && w + dw < shape.Weekends; w++)
            {
                for (var n = 0; n <= reach.N && n + dn < shape.Counts; n++)
                {
                    var src = at + shape.Index(0, length, w, 0, n);
                    var dst = to + shape.Index(o, next, w + dw, 0, n + dn);
                    if (plain >= 0)
                    {
                        MinPlus(source.AsSpan(src, plain + 1), _cost.AsSpan(dst + du, plain + 1), price);
                    }
                    for (var u = Math.Max(0, plain + 1); UseSaturates && u <= reach.U; u++)
                    {
                        _cost[dst + UseMax] = Math.Min(_cost[dst + UseMax], source[src + u] + price);
                    }
                }
            }
        }
    }

    /// <summary>The state of day d − 1 that <paramref name="state"/> of day <paramref name="d"/> came from: one whose cost
    /// plus the option's price is exactly the state's cost (the sweep computed it as that very sum).</summary>
    private int Previous(PersonLimits limits, Layout shape, int k, int d, int state, bool trackWeekends)
    {
        var states = k * shape.Block;
        var o = state / shape.Block;
        var rest = state % shape.Block;
        var length = rest / shape.Tail;
        var (w, u, n) = shape.Totals(rest);
        var (cell, du, dn) = (Options[d][o], Use[d][o], Counted(d, o));
        var cost = _cost[(d * states) + state];
        var (uLow, uHigh) = UseSaturates && u == UseMax ? (Math.Max(0, UseMax - du), UseMax) : (u - du, u - du);
        for (var p = 0; p < OptionCount[d - 1]; p++)
        {
            var prev = Options[d - 1][p];
            var prevWorks = prev >= 0;
            if (cell >= 0 && prevWorks && !_model.Follows(limits, prev, cell))
            {
                continue;
            }
            var pw = w - WeekendStep(d, prevWorks, cell >= 0, trackWeekends);
            if (pw < 0 || n - dn < 0 || uLow < 0)
            {
                continue;
            }
            for (var pl = 0; pl < shape.Lengths; pl++)
            {
                if (NextLength(limits, shape, d, prevWorks, cell >= 0, pl) != length)
                {
                    continue;
                }
                for (var pu = uLow; pu <= uHigh; pu++)
                {
                    var candidate = shape.Index(p, pl, pw, pu, n - dn);
                    if (_cost[((d - 1) * states) + candidate] + Price[d][o] == cost)
                    {
                        return candidate;
                    }
                }
            }
        }
        throw new InvalidOperationException($"Row program: no predecessor for day {d}.");
    }

    /// <summary>The run length after day <paramref name="d"/>, or −1 when the move breaks a run rule.</summary>
    private static int NextLength(PersonLimits limits, Layout shape, int d, bool prevWorks, bool works, int length)
    {
        if (works)
        {
            if (!prevWorks)
            {
                return length > 0 && length < limits.MinDaysOff ? -1 : 1;
            }
            if (length == 0)
            {
                // The first run goes on: d + 1 days long.
                return d + 1 > limits.MaxConsecutive ? -1 : 0;
            }
            return length >= shape.WorkCap && limits.MaxConsecutive != int.MaxValue ? -1 : Math.Min(length + 1, shape.WorkCap);
        }
        if (prevWorks)
        {
            return length > 0 && length < limits.MinConsecutive ? -1 : 1;
        }
        return length == 0 ? 0 : Math.Min(length + 1, shape.OffCap);
    }

    /// <summary>1 when working day <paramref name="d"/> starts a weekend not already worked the day before.</summary>
    private int WeekendStep(int d, bool prevWorks, bool works, bool trackWeekends)
    {
        var weekend = _model.WeekendOfDay[d];
        var sameWeekend = weekend >= 0 && _model.WeekendOfDay[d - 1] == weekend;
        return works && trackWeekends && weekend >= 0 && !(prevWorks && sameWeekend) ? 1 : 0;
    }

    private int Counted(int day, int option) =>
        CountedShift >= 0 && Options[day][option] >= 0 && _model.Cells[Options[day][option]].Shift == CountedShift ? 1 : 0;

    private int Used(int u, int add) => UseSaturates ? Math.Min(u + add, UseMax) : u + add;

    private static void MinPlus(ReadOnlySpan<double> source, Span<double> target, double add)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<double>.Count;
            var plus = new Vector<double>(add);
            for (; i <= source.Length - width; i += width)
            {
                Vector.Min(new Vector<double>(source[i..]) + plus, new Vector<double>(target[i..])).CopyTo(target[i..]);
            }
        }
        for (; i < source.Length; i++)
        {
            target[i] = Math.Min(target[i], source[i] + add);
        }
    }

    private static void Min(ReadOnlySpan<double> source, Span<double> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<double>.Count;
            for (; i <= source.Length - width; i += width)
            {
                Vector.Min(new Vector<double>(source[i..]), new Vector<double>(target[i..])).CopyTo(target[i..]);
            }
        }
        for (; i < source.Length; i++)
        {
            target[i] = Math.Min(target[i], source[i]);
        }
    }
}
