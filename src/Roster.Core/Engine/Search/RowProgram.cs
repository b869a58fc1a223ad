namespace Roster.Core.Engine.Search;

/// <summary>Dynamic programming over one person's days: the cheapest row under given per-day option prices that keeps
/// every sequence rule exactly (successions, rest between adjacent days, run lengths, days off, max weekends when tracked).</summary>
/// <remarks>State of a day: the option taken, the length of the current run (capped where longer runs no longer matter;
/// the run that began on the first day apart, exempt from minimums), weekends worked when tracked, the tracked total
/// (<see cref="Use"/>) and the tracked per-shift count (<see cref="CountedShift"/>). <see cref="RowOptimizer"/> decides what
/// is tracked and prices the rest with multipliers.</remarks>
internal sealed class RowProgram
{
    private readonly SolverModel _model;
    private double[] _cost = [];
    private int[] _back = [];

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

    /// <summary>About how many transitions <see cref="Solve"/> will try with the current settings.</summary>
    public long Work(int person, bool trackWeekends)
    {
        var k = 0;
        for (var d = 0; d < _model.Days; d++)
        {
            k = Math.Max(k, OptionCount[d]);
        }
        var shape = Shape(_model.Limits[person], trackWeekends);
        return (long)k * k * shape.Lengths * shape.Weekends * shape.Uses * shape.Counts * _model.Days;
    }

    /// <summary>Sizes of the state's dimensions besides the option: run-length values (0 = the first run), weekends,
    /// tracked-total values and per-shift count values; and the caps on work and off runs.</summary>
    private (int WorkCap, int OffCap, int Lengths, int Weekends, int Uses, int Counts) Shape(PersonLimits limits, bool trackWeekends)
    {
        var days = _model.Days;
        var workCap = limits.MaxConsecutive < int.MaxValue ? Math.Min(limits.MaxConsecutive, days) : Math.Max(1, Math.Min(limits.MinConsecutive, days));
        var offCap = Math.Max(1, Math.Min(limits.MinDaysOff, days));
        var weekends = trackWeekends ? Math.Max(0, limits.MaxWeekends) + 1 : 1;
        return (workCap, offCap, Math.Max(workCap, offCap) + 1, weekends, UseMax + 1, CountedShift >= 0 ? CountedMax + 1 : 1);
    }

    /// <summary>Writes the cheapest row into <paramref name="row"/>; false when no row keeps the sequence rules.</summary>
    /// <remarks>Run length 0 stands for the run that began on the first day: its length is the day number plus one, and it
    /// is exempt from the minimums. Costs keep two days; back pointers keep every day.</remarks>
    public bool Solve(int person, int[] row, bool trackWeekends)
    {
        var limits = _model.Limits[person];
        var days = _model.Days;
        var k = Options[0].Length;
        var maxRun = limits.MaxConsecutive;
        var saturate = maxRun == int.MaxValue;
        var (workCap, offCap, lengths, weekends, uses, counts) = Shape(limits, trackWeekends);
        var tail = weekends * uses * counts;
        var states = k * lengths * tail;
        if (_back.Length < states * days)
        {
            _back = new int[states * days];
        }
        if (_cost.Length < 2 * states)
        {
            _cost = new double[2 * states];
        }
        int Index(int option, int length, int w, int u, int n) => (((((((option * lengths) + length) * weekends) + w) * uses) + u) * counts) + n;
        int Counted(int day, int option) => CountedShift >= 0 && Options[day][option] >= 0 && _model.Cells[Options[day][option]].Shift == CountedShift ? 1 : 0;
        int Used(int u, int add) => UseSaturates ? Math.Min(u + add, UseMax) : u + add;

        Array.Fill(_cost, double.PositiveInfinity, 0, states);
        for (var o = 0; o < OptionCount[0]; o++)
        {
            var w = Options[0][o] >= 0 && _model.WeekendOfDay[0] >= 0 && trackWeekends ? 1 : 0;
            var (u, n) = (Used(0, Use[0][o]), Counted(0, o));
            if (w >= weekends || u > UseMax || n >= counts || (Options[0][o] >= 0 && maxRun < 1))
            {
                continue;
            }
            var s = Index(o, 0, w, u, n);
            _cost[s] = Price[0][o];
            _back[s] = -1;
        }
        for (var d = 1; d < days; d++)
        {
            var from = ((d - 1) & 1) * states;
            var to = (d & 1) * states;
            Array.Fill(_cost, double.PositiveInfinity, to, states);
            var weekend = _model.WeekendOfDay[d];
            var sameWeekend = weekend >= 0 && _model.WeekendOfDay[d - 1] == weekend;
            for (var prev = 0; prev < OptionCount[d - 1]; prev++)
            {
                var prevCell = Options[d - 1][prev];
                for (var length = 0; length < lengths; length++)
                {
                    for (var rest = 0; rest < tail; rest++)
                    {
                        var s = (((prev * lengths) + length) * tail) + rest;
                        var cost = _cost[from + s];
                        if (double.IsPositiveInfinity(cost))
                        {
                            continue;
                        }
                        var (w, u, n) = (rest / (uses * counts), rest / counts % uses, rest % counts);
                        for (var o = 0; o < OptionCount[d]; o++)
                        {
                            var cell = Options[d][o];
                            int nextLength, nextW = w;
                            if (cell >= 0)
                            {
                                if (prevCell >= 0)
                                {
                                    if (!Follows(limits, prevCell, cell))
                                    {
                                        continue;
                                    }
                                    if (length == 0)
                                    {
                                        // The first run goes on: d + 1 days long.
                                        if (d + 1 > maxRun)
                                        {
                                            continue;
                                        }
                                        nextLength = 0;
                                    }
                                    else
                                    {
                                        if (length >= workCap && !saturate)
                                        {
                                            continue;
                                        }
                                        nextLength = Math.Min(length + 1, workCap);
                                    }
                                }
                                else
                                {
                                    if (length > 0 && length < limits.MinDaysOff)
                                    {
                                        continue;
                                    }
                                    nextLength = 1;
                                }
                                if (trackWeekends && weekend >= 0 && !(prevCell >= 0 && sameWeekend) && ++nextW >= weekends)
                                {
                                    continue;
                                }
                            }
                            else if (prevCell >= 0)
                            {
                                if (length > 0 && length < limits.MinConsecutive)
                                {
                                    continue;
                                }
                                nextLength = 1;
                            }
                            else
                            {
                                nextLength = length == 0 ? 0 : Math.Min(length + 1, offCap);
                            }
                            var nextU = Used(u, Use[d][o]);
                            var nextN = n + Counted(d, o);
                            if (nextU > UseMax || nextN >= counts)
                            {
                                continue;
                            }
                            var next = Index(o, nextLength, nextW, nextU, nextN);
                            var total = cost + Price[d][o];
                            if (total < _cost[to + next])
                            {
                                _cost[to + next] = total;
                                _back[(d * states) + next] = s;
                            }
                        }
                    }
                }
            }
        }
        var last = ((days - 1) & 1) * states;
        var best = -1;
        for (var s = 0; s < states; s++)
        {
            if ((s / counts) % uses >= UseMin && _cost[last + s] < double.PositiveInfinity && (best < 0 || _cost[last + s] < _cost[last + best]))
            {
                best = s;
            }
        }
        if (best < 0)
        {
            return false;
        }
        for (var d = days - 1; d >= 0; d--)
        {
            row[d] = Options[d][best / (lengths * tail)];
            best = d > 0 ? _back[(d * states) + best] : -1;
        }
        return true;
    }

    /// <summary>May <paramref name="cell"/> follow <paramref name="prev"/> on the next day (succession, overlap, rest)?</summary>
    private bool Follows(PersonLimits limits, int prev, int cell)
    {
        var (a, b) = (_model.Cells[prev], _model.Cells[cell]);
        if (limits.ForbiddenNext is { } forbidden && forbidden[(a.Shift * _model.Shifts) + b.Shift])
        {
            return false;
        }
        var gap = b.Start - a.End;
        return !((gap < 0 && _model.CheckOverlap) || gap < limits.RestAfter[a.Shift]);
    }
}
