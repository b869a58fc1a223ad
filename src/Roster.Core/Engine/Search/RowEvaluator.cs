namespace Roster.Core.Engine.Search;

/// <summary>Scores one person's row (a cell or −1 per day): hard units of every per-person rule, soft charges, and loads per role.</summary>
/// <remarks>Hard units: one per broken pair or cell, one per day beyond a run limit, one per shift or hour beyond a workload limit.</remarks>
internal static class RowEvaluator
{
    /// <remarks>With ignoreMinimums the minimum rules (run lengths, days off, workload minimums) are left out: what remains is what adding a duty can break.</remarks>
    public static (double Hard, double Soft) Evaluate(SolverModel model, int person, int[] row, Span<double> loads, bool ignoreMinimums = false) =>
        Evaluate(model, person, row, loads, out _, ignoreMinimums);

    /// <remarks><paramref name="hotDay"/> is the last day on which a hard rule broke (−1 if none there): moves aim near it.</remarks>
    public static (double Hard, double Soft) Evaluate(SolverModel model, int person, int[] row, Span<double> loads, out int hotDay, bool ignoreMinimums = false)
    {
        var limits = model.Limits[person];
        var cells = model.Cells;
        var eligible = model.Eligible[person];
        double hard = 0, soft = 0;
        loads.Clear();
        int lastCell = -1, lastDay = -1, run = 0, runStart = 0, off = 0, offStart = 0, weekends = 0, lastWeekend = -1, shifts = 0;
        long minutes = 0;
        Span<int> perShift = stackalloc int[model.Shifts];
        perShift.Clear();
        hotDay = -1;
        for (var d = 0; d < row.Length; d++)
        {
            var hardBefore = hard;
            var c = row[d];
            if (c >= 0)
            {
                var cell = cells[c];
                if (!eligible[c])
                {
                    hard++;
                }
                shifts++;
                minutes += cell.Minutes;
                perShift[cell.Shift]++;
                loads[cell.Role] += cell.Load;
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
                var weekend = model.WeekendOfDay[d];
                if (weekend >= 0 && weekend != lastWeekend)
                {
                    (weekends, lastWeekend) = (weekends + 1, weekend);
                }
                if (run == 0)
                {
                    hard += ignoreMinimums ? 0 : OffRunPenalty(limits, off, offStart == 0, false);
                    (off, runStart) = (0, d);
                }
                run++;
                (lastCell, lastDay) = (c, d);
            }
            else
            {
                if (off == 0)
                {
                    hard += WorkRunPenalty(limits, run, (runStart == 0 && run > 0) || ignoreMinimums, false);
                    (run, offStart) = (0, d);
                }
                off++;
            }
            if (limits.Requests[d] is { } requests)
            {
                foreach (var r in requests)
                {
                    var works = c >= 0 && (r.Shift == -1 || r.Shift == cells[c].Shift);
                    if (works != r.Want)
                    {
                        soft += r.Weight;
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
        hard += run > 0 ? WorkRunPenalty(limits, run, runStart == 0 || ignoreMinimums, true) : ignoreMinimums ? 0 : OffRunPenalty(limits, off, offStart == 0, true);
        hard += Math.Max(0, weekends - limits.MaxWeekends);
        foreach (var w in limits.Workloads)
        {
            hard += WorkloadPenalty(model, ignoreMinimums ? w with { MinShifts = 0, MinMinutes = 0 } : w, row, shifts, minutes, perShift);
        }
        return (hard, soft);
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

    private static double WorkloadPenalty(SolverModel model, in WorkloadLimit w, int[] row, int shifts, long minutes, Span<int> perShift)
    {
        if (w.Shift == -2)
        {
            return w.MinShifts + Units(model, w.MinMinutes);
        }
        int count;
        long mins;
        if (w.FromDay == 0 && w.ToDay == row.Length - 1 && w.Role == -1 && (w.Shift == -1 || w.MinMinutes == 0 && w.MaxMinutes == long.MaxValue))
        {
            count = w.Shift == -1 ? shifts : perShift[w.Shift];
            mins = minutes;
        }
        else
        {
            (count, mins) = (0, 0);
            for (var d = w.FromDay; d <= w.ToDay; d++)
            {
                var c = row[d];
                if (c >= 0 && (w.Shift == -1 || model.Cells[c].Shift == w.Shift) && (w.Role == -1 || model.Cells[c].Role == w.Role))
                {
                    (count, mins) = (count + 1, mins + model.Cells[c].Minutes);
                }
            }
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
