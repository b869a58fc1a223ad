using System.Diagnostics;

namespace Roster.Core.Engine.Search;

/// <summary>Mends one person's row that the row program left illegal, by descent on the row alone: each pass tries every
/// other option of every day, and two adjacent days off at once, keeping a change that breaks fewer hard units (or as
/// many, with fewer broken days, pairs and runs, or with the totals nearer their bounds). Where that stalls on too many
/// weekends, a weekend is given up whole and the descent refills the week. The row program prices a horizon's minutes and
/// weekends with multipliers, and a window narrower than a shift falls between the rows any price gives; this closes
/// what is left.</summary>
internal sealed class RowLegaliser
{
    private const int MaxPasses = 100;
    private readonly SolverModel _model;
    private readonly SearchState _state;
    private readonly int _p;
    private readonly int[] _row;
    private readonly PersonLimits _limits;
    private readonly bool[] _never;
    private readonly double[] _loads;
    private Score _score;

    private RowLegaliser(SolverModel model, SearchState state, int p, int[] row)
    {
        (_model, _state, _p, _row) = (model, state, p, row);
        _limits = model.Limits[p];
        _never = NeverWorked(model, _limits);
        _loads = new double[model.Roles];
        _score = Measure();
    }

    /// <summary>Changes <paramref name="row"/> (a copy of the person's row in <paramref name="state"/>) in place, into cells
    /// with room left only; true when it now breaks fewer hard units than before.</summary>
    public static bool Mend(SolverModel model, SearchState state, int p, int[] row, long until, CancellationToken cancel)
    {
        var mender = new RowLegaliser(model, state, p, row);
        var start = mender._score.Hard;
        for (var pass = 0; pass < MaxPasses && mender._score.Hard > 0 && !cancel.IsCancellationRequested; pass++)
        {
            if (until != long.MaxValue && Stopwatch.GetTimestamp() >= until)
            {
                break;
            }
            if (!mender.Pass() && !mender.GiveUpAWeekend())
            {
                break;
            }
        }
        return mender._score.Hard < start;
    }

    /// <summary>Hard units, then hard units of days, pairs and runs, then the distance of the totals to their bounds.</summary>
    private readonly record struct Score(double Hard, double Local, double Gap)
    {
        public bool Beats(Score other) => Hard < other.Hard
            || (Hard == other.Hard && (Local < other.Local || (Local == other.Local && Gap < other.Gap)));
    }

    /// <summary>One pass of single-day changes and two-days-off changes; true when one was kept.</summary>
    private bool Pass()
    {
        var improved = false;
        var current = _state.Rows[_p];
        for (var d = 0; d < _row.Length && _score.Hard > 0; d++)
        {
            if (_limits.Locked[d])
            {
                continue;
            }
            var kept = _row[d];
            var eligible = _model.EligibleOnDay[_p][d];
            for (var o = -1; o < eligible.Length; o++)
            {
                var option = o < 0 ? -1 : eligible[o];
                if (option == kept || (option >= 0 && (_never[_model.Cells[option].Shift]
                    || (option != current[d] && _state.Count[option] >= _model.Cells[option].Capacity))))
                {
                    continue;
                }
                _row[d] = option;
                if (Measure() is var score && score.Beats(_score))
                {
                    (_score, kept, improved) = (score, option, true);
                }
            }
            _row[d] = kept;
            if (d + 1 < _row.Length && !_limits.Locked[d + 1] && _row[d] >= 0 && _row[d + 1] >= 0)
            {
                var (first, second) = (_row[d], _row[d + 1]);
                (_row[d], _row[d + 1]) = (-1, -1);
                if (Measure() is var score && score.Beats(_score))
                {
                    (_score, improved) = (score, true);
                }
                else
                {
                    (_row[d], _row[d + 1]) = (first, second);
                }
            }
        }
        return improved;
    }

    /// <summary>With more weekends worked than allowed: each worked weekend in turn given up whole, then descent; the first
    /// that ends better than before is kept. A weekend's duties weigh as much minutes as the weekend itself, so no single
    /// change gives one up.</summary>
    private bool GiveUpAWeekend()
    {
        if (Weekends() <= _limits.MaxWeekends)
        {
            return false;
        }
        var before = _score;
        var saved = (int[])_row.Clone();
        for (var d = 0; d < _row.Length; d++)
        {
            var weekend = _model.WeekendOfDay[d];
            if (weekend < 0 || _row[d] < 0 || (d > 0 && _model.WeekendOfDay[d - 1] == weekend))
            {
                continue;
            }
            for (var day = d; day < _row.Length && _model.WeekendOfDay[day] == weekend; day++)
            {
                _row[day] = _limits.Locked[day] ? _row[day] : -1;
            }
            _score = Measure();
            for (var pass = 0; pass < 4 && Pass(); pass++)
            {
            }
            if (_score.Beats(before))
            {
                return true;
            }
            Array.Copy(saved, _row, _row.Length);
            _score = before;
        }
        return false;
    }

    private Score Measure()
    {
        var (hard, _) = RowEvaluator.Evaluate(_model, _p, _row, _loads);
        var local = RowEvaluator.Local(_model, _p, _row, 0, _row.Length - 1, ignoreMinimums: false, out _).Hard;
        return new Score(hard, local, Gap());
    }

    private int Weekends()
    {
        int weekends = 0, lastWeekend = -1;
        for (var d = 0; d < _row.Length; d++)
        {
            var weekend = _model.WeekendOfDay[d];
            if (_row[d] >= 0 && weekend >= 0 && weekend != lastWeekend)
            {
                (weekends, lastWeekend) = (weekends + 1, weekend);
            }
        }
        return weekends;
    }

    /// <summary>How far the row's horizon-wide workload totals lie outside their bounds, in minutes (a shift counted as
    /// a typical shift's minutes), and its weekends beyond the limit likewise: finer than the hard units, which round up
    /// to whole shifts, so a change that moves toward a bound counts before it crosses one.</summary>
    private double Gap()
    {
        long minutes = 0;
        var shifts = 0;
        foreach (var c in _row)
        {
            if (c >= 0)
            {
                (minutes, shifts) = (minutes + _model.Cells[c].Minutes, shifts + 1);
            }
        }
        double gap = Math.Max(0, Weekends() - _limits.MaxWeekends) * (double)_model.MinutesPerUnit;
        foreach (var w in _limits.Workloads)
        {
            if (w.FromDay != 0 || w.ToDay != _row.Length - 1 || w.Role != -1 || w.Shift != -1)
            {
                continue;
            }
            gap += Math.Max(0, minutes - w.MaxMinutes) + Math.Max(0, w.MinMinutes - minutes);
            gap += (Math.Max(0, shifts - w.MaxShifts) + Math.Max(0, w.MinShifts - shifts)) * (double)_model.MinutesPerUnit;
        }
        return gap;
    }

    /// <summary>The shifts a horizon-wide limit allows the person none of (the row program leaves them out too).</summary>
    private static bool[] NeverWorked(SolverModel model, PersonLimits limits)
    {
        var never = new bool[model.Shifts];
        foreach (var w in limits.Workloads)
        {
            if (w.Shift >= 0 && w.MaxShifts == 0 && w.FromDay == 0 && w.ToDay == model.Days - 1 && w.Role == -1)
            {
                never[w.Shift] = true;
            }
        }
        return never;
    }
}
