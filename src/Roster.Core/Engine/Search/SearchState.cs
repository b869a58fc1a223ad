namespace Roster.Core.Engine.Search;

/// <summary>A roster under search with its score kept up to date incrementally.</summary>
/// <remarks>Score = per-person rows + cell coverage + tag needs (hard) + fairness variance per group. A row is rescored
/// from the runs a move touched (<see cref="RowEvaluator.Window"/>) and the row's totals, kept as duties come and go:
/// weekends worked, workload counts, loads per role (and with them the fairness sums, like coverage); on long horizons
/// that is a small part of the row.</remarks>
internal sealed class SearchState
{
    private readonly SolverModel _model;
    private readonly double[] _personHard;
    private readonly double[] _personSoft;
    private readonly double[] _loads;
    private readonly int[] _groupOf;
    private readonly double[] _groupSum;
    private readonly double[] _groupSq;
    private readonly int[] _tagCount;
    private readonly int[][] _scored;
    private readonly int[] _dirtyFrom;
    private readonly int[] _dirtyTo;
    private readonly int[][] _dirtyDays;
    private readonly int[] _dirtyCount;
    private readonly double[] _totalsHard;
    private readonly int _weekendCount;
    private readonly int[] _weekendDuties;
    private readonly int[] _weekends;
    private readonly int[] _weekendDays;
    private readonly int[][] _workloadCount;
    private readonly long[][] _workloadMinutes;
    private readonly double[][] _workloadPenalty;
    private readonly int[][][] _workloadsOfShift;

    /// <summary>Length of the array <see cref="Save"/> fills: hard, soft, the totals' hard part.</summary>
    public const int SavedLength = 3;

    private readonly int[] _partner;

    public SearchState(SolverModel model, int[][] rows)
    {
        _model = model;
        Rows = rows.Select(r => (int[])r.Clone()).ToArray();
        Count = new int[model.Cells.Length];
        _personHard = new double[model.People];
        _personSoft = new double[model.People];
        _loads = new double[model.People * model.Roles];
        _groupOf = Enumerable.Repeat(-1, model.People * model.Roles).ToArray();
        for (var g = 0; g < model.FairGroups.Count; g++)
        {
            foreach (var p in model.FairGroups[g].People)
            {
                _groupOf[(p * model.Roles) + model.FairGroups[g].Role] = g;
            }
        }
        _groupSum = new double[model.FairGroups.Count];
        _groupSq = new double[model.FairGroups.Count];
        _tagCount = new int[model.TagNeeds.Count];
        _scored = Rows.Select(r => (int[])r.Clone()).ToArray();
        _dirtyFrom = new int[model.People];
        _dirtyTo = new int[model.People];
        _dirtyDays = Enumerable.Range(0, model.People).Select(_ => new int[MaxDirtyDays]).ToArray();
        _dirtyCount = new int[model.People];
        _totalsHard = new double[model.People];
        _weekendCount = model.WeekendOfDay.DefaultIfEmpty(-1).Max() + 1;
        _weekendDuties = new int[model.People * _weekendCount];
        _weekends = new int[model.People];
        _weekendDays = new int[_weekendCount];
        _partner = Enumerable.Range(0, model.Days).Select(model.WeekendPartner).ToArray();
        foreach (var w in model.WeekendOfDay)
        {
            if (w >= 0)
            {
                _weekendDays[w]++;
            }
        }
        _workloadCount = model.Limits.Select(l => new int[l.Workloads.Count]).ToArray();
        _workloadMinutes = model.Limits.Select(l => new long[l.Workloads.Count]).ToArray();
        _workloadPenalty = model.Limits.Select(l => new double[l.Workloads.Count]).ToArray();
        // Per person and shift, the workload limits a duty of that shift may count in (a year of per-shift limits is 33
        // per person on Curtois 24, of which a duty touches two).
        _workloadsOfShift = model.Limits.Select(l => Enumerable.Range(0, model.Shifts)
            .Select(shift => Enumerable.Range(0, l.Workloads.Count).Where(k => l.Workloads[k].Shift == -1 || l.Workloads[k].Shift == shift).ToArray())
            .ToArray()).ToArray();
        HotDay = Enumerable.Repeat(-1, model.People).ToArray();
        RowHash = new ulong[model.People];
        HardWeight = model.HardWeight;
        Recompute();
    }

    public int[][] Rows { get; }

    /// <summary>Per person, a hash of their row kept as cells change: equal hashes mean (all but surely) equal rows, so
    /// what was computed from a row can be kept until it changes and reused when it changes back.</summary>
    public ulong[] RowHash { get; }

    private static ulong DayKey(int d, int c)
    {
        // SplitMix64's finaliser over the day and the cell.
        var z = ((ulong)(uint)d << 32) | (uint)(c + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public Cell[] Cells => _model.Cells;

    /// <summary>Per person, the last day a hard rule broke at the latest scoring (a hint only; not restored on undo).</summary>
    public int[] HotDay { get; }

    public int[] Count { get; }

    public double Hard { get; private set; }

    public double Soft { get; private set; }

    public double Cost => (Hard * HardWeight) + (Soft * SoftWeight);

    public double SoftWeight { get; set; } = 1;

    /// <summary>Multiplies every request's weight in this state's score (1: the true score); see <see cref="Emphasise"/>.</summary>
    public double RequestScale { get; private set; } = 1;

    /// <summary>Charged in this state's score for each weekend of two days that someone whose weekends are limited works on
    /// one day only (0: the true score); see <see cref="Emphasise"/>.</summary>
    public double HalfWeekendCharge { get; private set; }

    /// <summary>Rescores everything with request weights multiplied by <paramref name="requestScale"/> and
    /// <paramref name="halfWeekendCharge"/> charged per half-worked weekend (1 and 0: the true score).</summary>
    public void Emphasise(double requestScale, double halfWeekendCharge = 0)
    {
        RequestScale = requestScale;
        HalfWeekendCharge = halfWeekendCharge;
        Recompute();
    }

    public double HardWeight { get; set; }

    public void Recompute()
    {
        for (var p = 0; p < Rows.Length; p++)
        {
            ulong hash = 0;
            for (var d = 0; d < Rows[p].Length; d++)
            {
                hash ^= DayKey(d, Rows[p][d]);
            }
            RowHash[p] = hash;
        }
        Array.Clear(Count);
        Array.Clear(_tagCount);
        Array.Clear(_groupSum);
        Array.Clear(_groupSq);
        foreach (var row in Rows)
        {
            foreach (var c in row)
            {
                if (c >= 0)
                {
                    Count[c]++;
                }
            }
        }
        for (var p = 0; p < _model.People; p++)
        {
            foreach (var c in Rows[p])
            {
                if (c >= 0)
                {
                    foreach (var t in _model.TagNeedsOfCell[c])
                    {
                        _tagCount[t] += _model.TagNeeds[t].HasTag[p] ? 1 : 0;
                    }
                }
            }
        }
        Array.Clear(_weekendDuties);
        Array.Clear(_weekends);
        Array.Clear(_loads);
        for (var p = 0; p < _model.People; p++)
        {
            Array.Clear(_workloadCount[p]);
            Array.Clear(_workloadMinutes[p]);
            var workloads = _model.Limits[p].Workloads;
            for (var k = 0; k < workloads.Count; k++)
            {
                _workloadPenalty[p][k] = RowEvaluator.WorkloadPenalty(_model, workloads[k], 0, 0);
            }
            for (var d = 0; d < _model.Days; d++)
            {
                Tally(p, d, Rows[p][d], +1);
            }
        }
        // The tally built the fairness sums from zero (cleared above); the cost it added to Soft on the way is dropped here.
        (Hard, Soft) = (0, HalfWeekendCharge == 0 ? 0 : HalfWeekendCharges());
        for (var c = 0; c < Count.Length; c++)
        {
            Soft += CellCost(_model.Cells[c], Count[c]);
        }
        for (var t = 0; t < _tagCount.Length; t++)
        {
            Hard += Math.Max(0, _model.TagNeeds[t].MinCount - _tagCount[t]);
        }
        for (var p = 0; p < _model.People; p++)
        {
            Array.Copy(Rows[p], _scored[p], _model.Days);
            (_dirtyFrom[p], _dirtyTo[p]) = (int.MaxValue, -1);
            _dirtyCount[p] = 0;
            var (local, s) = RowEvaluator.Local(_model, p, Rows[p], 0, _model.Days - 1, false, out HotDay[p], RequestScale);
            _totalsHard[p] = TotalsHard(p);
            var h = local + _totalsHard[p];
            (_personHard[p], _personSoft[p]) = (h, s);
            (Hard, Soft) = (Hard + h, Soft + s);
        }
        for (var g = 0; g < _groupSum.Length; g++)
        {
            Soft += GroupCost(g);
        }
    }

    /// <summary>Puts person <paramref name="p"/> in cell <paramref name="c"/> (or off, −1) on day <paramref name="d"/>; updates coverage, tag needs, the row's totals and fairness at once, the row's own score at <see cref="Rescore"/>.</summary>
    public void SetCell(int p, int d, int c)
    {
        var old = Rows[p][d];
        if (old == c)
        {
            return;
        }
        if (old >= 0)
        {
            MoveCount(p, old, -1);
        }
        if (c >= 0)
        {
            MoveCount(p, c, +1);
        }
        Tally(p, d, old, -1);
        Tally(p, d, c, +1);
        Rows[p][d] = c;
        RowHash[p] ^= DayKey(d, old) ^ DayKey(d, c);
        (_dirtyFrom[p], _dirtyTo[p]) = (Math.Min(_dirtyFrom[p], d), Math.Max(_dirtyTo[p], d));
        if (_dirtyCount[p] < MaxDirtyDays)
        {
            _dirtyDays[p][_dirtyCount[p]] = d;
        }
        _dirtyCount[p]++;
    }

    /// <summary>Counts a duty in or out of person <paramref name="p"/>'s totals: loads (and the fairness sums and cost
    /// with them), weekends, workload counts.</summary>
    private void Tally(int p, int d, int c, int sign)
    {
        if (c < 0)
        {
            return;
        }
        var cell = _model.Cells[c];
        var index = (p * _model.Roles) + cell.Role;
        var (before, after) = (_loads[index], _loads[index] + (sign * cell.Load));
        _loads[index] = after;
        var g = _groupOf[index];
        if (g >= 0)
        {
            var old = GroupCost(g);
            (_groupSum[g], _groupSq[g]) = (_groupSum[g] + after - before, _groupSq[g] + (after * after) - (before * before));
            Soft += GroupCost(g) - old;
        }
        var weekend = _model.WeekendOfDay[d];
        if (weekend >= 0)
        {
            var slot = (p * _weekendCount) + weekend;
            var duties = _weekendDuties[slot] += sign;
            if (HalfWeekendCharge != 0 && Charged(p, weekend))
            {
                // The day worked alone: d itself when it is the only one worked (before or after), else its partner.
                Soft += duties switch
                {
                    1 => SingleCharge(sign > 0 ? d : _partner[d]),
                    0 => -SingleCharge(d),
                    _ => sign > 0 ? -SingleCharge(_partner[d]) : 0,
                };
            }
            _weekends[p] += (sign > 0 && _weekendDuties[slot] == 1) ? 1 : (sign < 0 && _weekendDuties[slot] == 0) ? -1 : 0;
        }
        var workloads = _model.Limits[p].Workloads;
        foreach (var k in _workloadsOfShift[p][cell.Shift])
        {
            if (RowEvaluator.Counts(workloads[k], cell, d))
            {
                _workloadCount[p][k] += sign;
                _workloadMinutes[p][k] += sign * cell.Minutes;
                _workloadPenalty[p][k] = RowEvaluator.WorkloadPenalty(_model, workloads[k], _workloadCount[p][k], _workloadMinutes[p][k]);
            }
        }
    }

    /// <summary>Whether person <paramref name="p"/> working one day of <paramref name="weekend"/> only is charged: a
    /// weekend of two days in the horizon, and a weekend limit.</summary>
    private bool Charged(int p, int weekend) => _weekendDays[weekend] == 2 && _model.Limits[p].MaxWeekends < int.MaxValue;

    /// <summary>What a weekend worked on day <paramref name="d"/> alone is charged (see <see cref="SolverModel.SingleDayFactor"/>).</summary>
    private double SingleCharge(int d) => HalfWeekendCharge * (_model.SingleDayFactor.Length == 0 ? 1 : _model.SingleDayFactor[d]);

    /// <summary>The charges of the weekends worked on one day only, from the rows.</summary>
    private double HalfWeekendCharges()
    {
        var charge = 0.0;
        for (var p = 0; p < _model.People; p++)
        {
            for (var d = 0; d < _model.Days; d++)
            {
                var w = _model.WeekendOfDay[d];
                if (w >= 0 && Rows[p][d] >= 0 && _weekendDuties[(p * _weekendCount) + w] == 1 && Charged(p, w))
                {
                    charge += SingleCharge(d);
                }
            }
        }
        return charge;
    }

    /// <summary>The hard units of person <paramref name="p"/>'s totals: weekends beyond the limit, workload limits.</summary>
    private double TotalsHard(int p)
    {
        var limits = _model.Limits[p];
        double hard = Math.Max(0, _weekends[p] - limits.MaxWeekends);
        foreach (var penalty in _workloadPenalty[p])
        {
            hard += penalty;
        }
        return hard;
    }

    /// <summary>Marks person <paramref name="p"/>'s row as scored as it stands.</summary>
    private void Settle(int p)
    {
        var (from, to) = (_dirtyFrom[p], _dirtyTo[p]);
        if (from <= to)
        {
            Array.Copy(Rows[p], from, _scored[p], from, to - from + 1);
        }
        (_dirtyFrom[p], _dirtyTo[p]) = (int.MaxValue, -1);
        _dirtyCount[p] = 0;
    }

    /// <summary>Rescores person <paramref name="p"/>'s row after SetCell calls.</summary>
    public void Rescore(int p)
    {
        var (h, s) = (_personHard[p], _personSoft[p]);
        if (_dirtyFrom[p] <= _dirtyTo[p])
        {
            var (lo, hi, lo2, hi2) = Windows(p);
            var (oldHard, oldSoft) = RowEvaluator.Local(_model, p, _scored[p], lo, hi, false, out _, RequestScale);
            var (newHard, newSoft) = RowEvaluator.Local(_model, p, Rows[p], lo, hi, false, out var hot, RequestScale);
            if (lo2 <= hi2)
            {
                var (oldHard2, oldSoft2) = RowEvaluator.Local(_model, p, _scored[p], lo2, hi2, false, out _, RequestScale);
                var (newHard2, newSoft2) = RowEvaluator.Local(_model, p, Rows[p], lo2, hi2, false, out var hot2, RequestScale);
                (oldHard, oldSoft, newHard, newSoft) = (oldHard + oldHard2, oldSoft + oldSoft2, newHard + newHard2, newSoft + newSoft2);
                hot = hot2 >= 0 ? hot2 : hot;
            }
            var totals = TotalsHard(p);
            h += newHard - oldHard + totals - _totalsHard[p];
            s += newSoft - oldSoft;
            _totalsHard[p] = totals;
            HotDay[p] = hot >= 0 ? hot : h > 0 ? HotDay[p] : -1;
            Settle(p);
        }
        Apply(p, h, s);
    }

    /// <summary>The days to rescore for person <paramref name="p"/>: one window around the changed days, or two where the
    /// changes fall in two clusters whose windows do not meet (a move that touches a weekend and a run end months away
    /// rescores a few days twice, not the year between). Each window starts and ends whole runs around unchanged duties,
    /// so the rows between them score the same before and after. (lo2, hi2) is empty (hi2 &lt; lo2) for one window.</summary>
    private (int Lo, int Hi, int Lo2, int Hi2) Windows(int p)
    {
        var (from, to) = (_dirtyFrom[p], _dirtyTo[p]);
        var count = _dirtyCount[p];
        if (count >= 2 && count <= MaxDirtyDays && to - from > SplitGap)
        {
            var days = _dirtyDays[p].AsSpan(0, count);
            days.Sort();
            var split = 0;
            for (var i = 1; i < count; i++)
            {
                if (days[i] - days[i - 1] > days[split + 1] - days[split])
                {
                    split = i - 1;
                }
            }
            if (days[split + 1] - days[split] > SplitGap)
            {
                var first = RowEvaluator.Window(Rows[p], from, days[split]);
                var second = RowEvaluator.Window(Rows[p], days[split + 1], to);
                if (first.Hi < second.Lo - 1)
                {
                    return (first.Lo, first.Hi, second.Lo, second.Hi);
                }
            }
        }
        var (lo, hi) = RowEvaluator.Window(Rows[p], from, to);
        return (lo, hi, 0, -1);
    }

    /// <summary>Changed days remembered per person for <see cref="Windows"/>; beyond them, one window.</summary>
    private const int MaxDirtyDays = 8;

    /// <summary>Changed days at most this far apart are rescored in one window.</summary>
    private const int SplitGap = 7;

    /// <summary>Copies person <paramref name="p"/>'s current score into <paramref name="into"/> (see <see cref="SavedLength"/>).</summary>
    public void Save(int p, double[] into)
    {
        (into[0], into[1], into[2]) = (_personHard[p], _personSoft[p], _totalsHard[p]);
    }

    /// <summary>Puts back a score saved by <see cref="Save"/> once the row is back as it was: no re-evaluation needed.</summary>
    public void Restore(int p, double[] saved)
    {
        _totalsHard[p] = saved[2];
        Settle(p);
        Apply(p, saved[0], saved[1]);
    }

    private void Apply(int p, double h, double s)
    {
        Hard += h - _personHard[p];
        Soft += s - _personSoft[p];
        (_personHard[p], _personSoft[p]) = (h, s);
    }

    public double HardOf(int p) => _personHard[p];

    private void MoveCount(int p, int c, int delta)
    {
        var cell = _model.Cells[c];
        Soft -= CellCost(cell, Count[c]);
        Count[c] += delta;
        Soft += CellCost(cell, Count[c]);
        foreach (var t in _model.TagNeedsOfCell[c])
        {
            var need = _model.TagNeeds[t];
            if (need.HasTag[p])
            {
                Hard -= Math.Max(0, need.MinCount - _tagCount[t]);
                _tagCount[t] += delta;
                Hard += Math.Max(0, need.MinCount - _tagCount[t]);
            }
        }
    }

    internal static double CellCost(Cell cell, int count) =>
        count < cell.Required ? cell.Under * (cell.Required - count) : cell.Over * (count - cell.Required);

    /// <summary>What cell <paramref name="c"/>'s coverage cost (unweighted) changes by when it gains (+1) or loses (-1) one holder.</summary>
    internal double CoverageStep(int c, int step) => CellCost(Cells[c], Count[c] + step) - CellCost(Cells[c], Count[c]);

    private double GroupCost(int g)
    {
        var group = _model.FairGroups[g];
        return group.Weight * (_groupSq[g] - (_groupSum[g] * _groupSum[g] / group.People.Length));
    }
}
