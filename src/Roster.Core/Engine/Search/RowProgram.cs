namespace Roster.Core.Engine.Search;

/// <summary>Dynamic programming over one person's days: the cheapest row under given per-day option prices that keeps
/// every sequence rule exactly (successions, rest between adjacent days, run lengths, days off, max weekends when tracked).</summary>
/// <remarks>State of a day: the option taken (0 = off), the length of the current run (capped where longer runs no longer
/// matter), whether that run began on the first day (exempt from minimums), and weekends worked so far when tracked.
/// Totals (minutes, shifts per type) are not in the state: <see cref="RowOptimizer"/> prices them with multipliers.</remarks>
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
        var limits = _model.Limits[person];
        var days = _model.Days;
        var k = 0;
        for (var d = 0; d < days; d++)
        {
            k = Math.Max(k, OptionCount[d]);
        }
        long workCap = limits.MaxConsecutive < int.MaxValue ? Math.Min(limits.MaxConsecutive, days) : Math.Max(1, Math.Min(limits.MinConsecutive, days));
        var lengths = Math.Max(workCap, Math.Max(1, Math.Min(limits.MinDaysOff, days)));
        long weekends = trackWeekends ? Math.Max(0, limits.MaxWeekends) + 1 : 1;
        long counts = CountedShift >= 0 ? CountedMax + 1 : 1;
        return (long)k * k * 2 * lengths * weekends * (UseMax + 1) * counts * days;
    }

    /// <summary>Writes the cheapest row into <paramref name="row"/>; false when no row keeps the sequence rules.</summary>
    public bool Solve(int person, int[] row, bool trackWeekends)
    {
        var limits = _model.Limits[person];
        var days = _model.Days;
        var k = Options[0].Length;
        var workCap = limits.MaxConsecutive < int.MaxValue ? Math.Min(limits.MaxConsecutive, days) : Math.Max(1, Math.Min(limits.MinConsecutive, days));
        var saturate = limits.MaxConsecutive == int.MaxValue;
        var offCap = Math.Max(1, Math.Min(limits.MinDaysOff, days));
        var lengths = Math.Max(workCap, offCap);
        var weekends = trackWeekends ? Math.Max(0, limits.MaxWeekends) + 1 : 1;
        var uses = UseMax + 1;
        var counts = CountedShift >= 0 ? CountedMax + 1 : 1;
        var states = k * 2 * lengths * weekends * uses * counts;
        if (_cost.Length < states * days)
        {
            _cost = new double[states * days];
            _back = new int[states * days];
        }
        Array.Fill(_cost, double.PositiveInfinity, 0, states * days);
        int Index(int option, int first, int length, int w, int u, int n) => (((((((((option * 2) + first) * lengths) + (length - 1)) * weekends) + w) * uses) + u) * counts) + n;
        int Counted(int option, int day) => CountedShift >= 0 && Options[day][option] >= 0 && _model.Cells[Options[day][option]].Shift == CountedShift ? 1 : 0;
        int Used(int u, int add) => UseSaturates ? Math.Min(u + add, UseMax) : u + add;

        for (var o = 0; o < OptionCount[0]; o++)
        {
            var works = Options[0][o] >= 0;
            var w = works && _model.WeekendOfDay[0] >= 0 ? 1 : 0;
            if (trackWeekends && w >= weekends)
            {
                continue;
            }
            var u = Used(0, Use[0][o]);
            var n = Counted(o, 0);
            if (u > UseMax || n >= counts)
            {
                continue;
            }
            var s = Index(o, 1, 1, trackWeekends ? w : 0, u, n);
            _cost[s] = Price[0][o];
            _back[s] = -1;
        }
        for (var d = 1; d < days; d++)
        {
            var from = (d - 1) * states;
            var to = d * states;
            for (var prev = 0; prev < OptionCount[d - 1]; prev++)
            {
                var prevCell = Options[d - 1][prev];
                for (var first = 0; first < 2; first++)
                {
                    for (var length = 1; length <= lengths; length++)
                    {
                        for (var w = 0; w < weekends; w++)
                        {
                            for (var un = 0; un < uses * counts; un++)
                            {
                                var (u, n) = (un / counts, un % counts);
                                var s = Index(prev, first, length, w, u, n);
                                var cost = _cost[from + s];
                                if (double.IsPositiveInfinity(cost))
                                {
                                    continue;
                                }
                                for (var o = 0; o < OptionCount[d]; o++)
                                {
                                    var cell = Options[d][o];
                                    int nextFirst, nextLength, nextW = w;
                                    if (cell >= 0)
                                    {
                                        if (prevCell >= 0)
                                        {
                                            if (!Follows(limits, prevCell, cell) || (length >= workCap && !saturate))
                                            {
                                                continue;
                                            }
                                            (nextFirst, nextLength) = (first, Math.Min(length + 1, workCap));
                                        }
                                        else
                                        {
                                            if (first == 0 && length < limits.MinDaysOff)
                                            {
                                                continue;
                                            }
                                            (nextFirst, nextLength) = (0, 1);
                                        }
                                        var weekend = _model.WeekendOfDay[d];
                                        if (trackWeekends && weekend >= 0 && !(prevCell >= 0 && _model.WeekendOfDay[d - 1] == weekend))
                                        {
                                            nextW++;
                                            if (nextW >= weekends)
                                            {
                                                continue;
                                            }
                                        }
                                    }
                                    else if (prevCell >= 0)
                                    {
                                        if (first == 0 && length < limits.MinConsecutive)
                                        {
                                            continue;
                                        }
                                        (nextFirst, nextLength) = (0, 1);
                                    }
                                    else
                                    {
                                        (nextFirst, nextLength) = (first, Math.Min(length + 1, offCap));
                                    }
                                    var nextU = Used(u, Use[d][o]);
                                    var nextN = n + Counted(o, d);
                                    if (nextU > UseMax || nextN >= counts)
                                    {
                                        continue;
                                    }
                                    var next = to + Index(o, nextFirst, nextLength, nextW, nextU, nextN);
                                    var total = cost + Price[d][o];
                                    if (total < _cost[next])
                                    {
                                        _cost[next] = total;
                                        _back[next] = s;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var last = (days - 1) * states;
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
            row[d] = Options[d][best / (2 * lengths * weekends * uses * counts)];
            best = _back[(d * states) + best];
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
