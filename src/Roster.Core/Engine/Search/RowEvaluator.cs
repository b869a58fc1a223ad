namespace Roster.Core.Engine.Search;

/// <summary>Scores one person's row (a cell or −1 per day): hard units of every per-person rule, soft charges, and loads per role.</summary>
/// <remarks>Hard units: one per broken pair or cell, one per day beyond a run limit, one per shift or hour beyond a workload
/// limit. A score is a <em>local</em> part (per day, per pair of successive duties, per run of duty or rest: see
/// <see cref="Local"/>) plus a part of the row's totals (weekends and workload counts; <see cref="SearchState"/> keeps them as duties come and go), so that
/// a search can rescore only the runs a move touched.</remarks>
internal static class RowEvaluator
{
    /// <remarks>With ignoreMinimums the minimum rules (run lengths, days off, workload minimums) are left out: what remains is what adding a duty can break.</remarks>
    /// <remarks><paramref name="requestScale"/> multiplies request weights (see <see cref="SearchState.RequestScale"/>).</remarks>
    public static (double Hard, double Soft) Evaluate(SolverModel model, int person, int[] row, Span<double> loads, bool ignoreMinimums = false, double requestScale = 1) =>
        Evaluate(model, person, row, loads, out _, ignoreMinimums, requestScale);

    /// <remarks><paramref name="hotDay"/> is the last day on which a hard rule broke (−1 if none there): moves aim near it.</remarks>
    public static (double Hard, double Soft) Evaluate(SolverModel model, int person, int[] row, Span<double> loads, out int hotDay, bool ignoreMinimums = false, double requestScale = 1)
    {
        var (hard, soft) = Local(model, person, row, 0, row.Length - 1, ignoreMinimums, out hotDay, requestScale);
        var limits = model.Limits[person];
        var cells = model.Cells;
        loads.Clear();
        int weekends = 0, lastWeekend = -1, shifts = 0;
        long minutes = 0;
        Span<int> perShift = stackalloc int[model.Shifts];
        perShift.Clear();
        for (var d = 0; d < row.Length; d++)
        {
            var c = row[d];
            if (c < 0)
            {
                continue;
            }
            var cell = cells[c];
            shifts++;
            minutes += cell.Minutes;
            perShift[cell.Shift]++;
            loads[cell.Role] += cell.Load;
            var weekend = model.WeekendOfDay[d];
            if (weekend >= 0 && weekend != lastWeekend)
            {
                (weekends, lastWeekend) = (weekends + 1, weekend);
            }
        }
        hard += Math.Max(0, weekends - limits.MaxWeekends);
        foreach (var w in limits.Workloads)
        {
            var limit = ignoreMinimums ? w with { MinShifts = 0, MinMinutes = 0 } : w;
            var (count, mins) = w.Shift == -2 ? (0, 0L) : Covers(w, row.Length) ? (w.Shift == -1 ? shifts : perShift[w.Shift], minutes) : Count(model, w, row);
            hard += WorkloadPenalty(model, limit, count, mins);
        }
        return (hard, soft);
    }

    /// <summary>The local part of the score over days <paramref name="lo"/>..<paramref name="hi"/>, which must begin
    /// and end whole runs (of duty or of rest): each day's own charges (eligibility, requests, stability), each duty's pair
    /// with the duty before it (rest, forbidden successions, spread; that duty may lie before <paramref name="lo"/>), and
    /// each run's length limits, charged where the run ends.</summary>
    /// <remarks><paramref name="hotDay"/> is the last day in the range on which a hard rule broke, or −1.</remarks>
    public static (double Hard, double Soft) Local(SolverModel model, int person, int[] row, int lo, int hi, bool ignoreMinimums, out int hotDay, double requestScale = 1)
    {
        var limits = model.Limits[person];
        var cells = model.Cells;
        var eligible = model.Eligible[person];
        double hard = 0, soft = 0;
        int lastCell = -1, lastDay = -1, run = 0, off = 0, blockStart = lo;
        for (var k = lo - 1; k >= 0; k--)
        {
            if (row[k] >= 0)
            {
                (lastCell, lastDay) = (row[k], k);
                break;
            }
        }
        hotDay = -1;
        for (var d = lo; d <= hi; d++)
        {
            var hardBefore = hard;
            var c = row[d];
            if (c >= 0)
            {
                if (off > 0)
                {
                    hard += ignoreMinimums ? 0 : OffRunPenalty(limits, off, blockStart == 0, false);
                    (off, blockStart) = (0, d);
                }
                var cell = cells[c];
                if (!eligible[c])
                {
                    hard++;
                }
                if (lastCell >= 0)
                {
                    var prev = cells[lastCell];
                    var gap = cell.Start - prev.End;
                    if ((gap < 0 && model.CheckOverlap) || gap < limits.RestAfter[prev.Shift])
                    {
                        hard++;
                    }
                    if (lastDay == d - 1 && limits.ForbiddenNext is { } forbidden && forbidden[(prev.Shift * model.Shifts) + cell.Shift])
                    {
                        hard++;
                    }
                    if (d - lastDay < limits.SpreadMinDays)
                    {
                        soft += limits.SpreadWeight * (limits.SpreadMinDays - (d - lastDay));
                    }
                }
                run++;
                (lastCell, lastDay) = (c, d);
            }
            else
            {
                if (run > 0)
                {
                    hard += WorkRunPenalty(limits, run, blockStart == 0 || ignoreMinimums, false);
                    (run, blockStart) = (0, d);
                }
                off++;
            }
            if (limits.Requests[d] is { } requests)
            {
                foreach (var r in requests)
                {
                    if (!r.MetBy(c >= 0 ? cells[c].Shift : -1))
                    {
                        soft += r.Weight * requestScale;
                    }
                }
            }
            var previous = limits.PreviousCell[d];
            if (previous >= 0 && c != previous)
            {
                soft += limits.StabilityWeight;
            }
            if (hard > hardBefore)
            {
                hotDay = d;
            }
        }
        var atEnd = hi == row.Length - 1;
        var last = run > 0
            ? WorkRunPenalty(limits, run, blockStart == 0 || ignoreMinimums, atEnd)
            : ignoreMinimums ? 0 : OffRunPenalty(limits, off, blockStart == 0, atEnd);
        if (last > 0)
        {
            (hard, hotDay) = (hard + last, hi);
        }
        return (hard, soft);
    }

    /// <summary>The smallest range that holds <paramref name="from"/>..<paramref name="to"/> (the days a move changed)
    /// and whose local score (see <see cref="Local"/>) is all that those changes can alter: from the start of the run
    /// before the changes to the end of the run after them, and on to the end of the next duty run when that run is one of
    /// rest (its duty's pair reaches back into the changes).</summary>
    public static (int Lo, int Hi) Window(int[] row, int from, int to)
    {
        var last = row.Length - 1;
        var lo = Math.Max(0, from - 1);
        while (lo > 0 && (row[lo - 1] >= 0) == (row[lo] >= 0))
        {
            lo--;
        }
        if (to >= last)
        {
            return (lo, last);
        }
        var hi = EndOfRun(row, to + 1);
        if (row[to + 1] < 0 && hi < last)
        {
            hi = EndOfRun(row, hi + 1);
        }
        return (lo, hi);
    }

    private static int EndOfRun(int[] row, int day)
    {
        while (day < row.Length - 1 && (row[day + 1] >= 0) == (row[day] >= 0))
        {
            day++;
        }
        return day;
    }

    /// <summary>Whether a workload limit counts the whole horizon, any role, and either every shift or one shift without minute bounds.</summary>
    private static bool Covers(in WorkloadLimit w, int days) =>
        w.FromDay == 0 && w.ToDay == days - 1 && w.Role == -1 && (w.Shift == -1 || (w.MinMinutes == 0 && w.MaxMinutes == long.MaxValue));

    /// <summary>Whether a duty in <paramref name="cell"/> on <paramref name="day"/> counts toward <paramref name="w"/>.</summary>
    public static bool Counts(in WorkloadLimit w, in Cell cell, int day) =>
        day >= w.FromDay && day <= w.ToDay && (w.Shift == -1 || cell.Shift == w.Shift) && (w.Role == -1 || cell.Role == w.Role);

    private static (int Count, long Minutes) Count(SolverModel model, in WorkloadLimit w, int[] row)
    {
        var (count, mins) = (0, 0L);
        for (var d = Math.Max(0, w.FromDay); d <= Math.Min(row.Length - 1, w.ToDay); d++)
        {
            var c = row[d];
            if (c >= 0 && Counts(w, model.Cells[c], d))
            {
                (count, mins) = (count + 1, mins + model.Cells[c].Minutes);
            }
        }
        return (count, mins);
    }

    /// <summary>Minutes in whole typical shifts, rounded up: a shift short weighs like one rule broken, and hard scores stay
    /// integers, which sum without rounding drift.</summary>
    private static long Units(SolverModel model, long minutes) => (minutes + model.MinutesPerUnit - 1) / model.MinutesPerUnit;

    private static double WorkRunPenalty(PersonLimits limits, int run, bool atStart, bool atEnd)
    {
        if (run == 0)
        {
            return 0;
        }
        var over = Math.Max(0, run - limits.MaxConsecutive);
        var under = atStart || atEnd ? 0 : Math.Max(0, limits.MinConsecutive - run);
        return over + under;
    }

    private static double OffRunPenalty(PersonLimits limits, int off, bool atStart, bool atEnd) =>
        off == 0 || atStart || atEnd ? 0 : Math.Max(0, limits.MinDaysOff - off);

    /// <summary>Hard units of one workload limit given the duties and minutes it counts.</summary>
    public static double WorkloadPenalty(SolverModel model, in WorkloadLimit w, int count, long mins)
    {
        if (w.Shift == -2)
        {
            return w.MinShifts + Units(model, w.MinMinutes);
        }
        double penalty = Math.Max(0, count - w.MaxShifts) + Math.Max(0, w.MinShifts - count);
        if (mins > w.MaxMinutes)
        {
            penalty += Units(model, mins - w.MaxMinutes);
        }
        if (mins < w.MinMinutes)
        {
            penalty += Units(model, w.MinMinutes - mins);
        }
        return penalty;
    }
}
