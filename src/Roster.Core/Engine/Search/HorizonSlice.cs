namespace Roster.Core.Engine.Search;

/// <summary>Days <see cref="From"/>..<see cref="To"/> − 1 of a roster as a problem of their own, the rest of the roster
/// fixed. Of each person's horizon totals (workload counts and minutes, weekends) a slice may use what it uses now plus its
/// share of the room the total leaves, and the days next to a cut are locked: any legal rosters of the slices, put back
/// together, make a legal roster.</summary>
/// <remarks>Two workers that anneal one slice each spend all their moves on half the horizon, twice the moves per day of
/// two chains over the whole of it (see <see cref="RosterSolver"/>).</remarks>
internal sealed class HorizonSlice
{
    private readonly int[] _fullCell;
    private readonly int[] _sliceCell;

    // fullCell: per slice cell, the whole model's; sliceCell: per whole model's cell, the slice's (−1 outside it).
    private HorizonSlice(SolverModel model, int from, int to, int[] fullCell, int[] sliceCell)
    {
        (Model, From, To, _fullCell, _sliceCell) = (model, from, to, fullCell, sliceCell);
    }

    public SolverModel Model { get; }

    public int From { get; }

    public int To { get; }

    /// <summary>Whether a model can be sliced: every rule is per person or per cell (fairness and tag needs span the horizon).</summary>
    public static bool Sliceable(SolverModel model) => model.FairGroups.Count == 0 && model.TagNeeds.Count == 0 && !model.ExactRows;

    /// <summary>Where to cut <paramref name="model"/>'s horizon in <paramref name="parts"/>: near equal parts, each cut on a
    /// day that does not split a weekend.</summary>
    public static int[] Cuts(SolverModel model, int parts)
    {
        var cuts = new List<int> { 0 };
        for (var k = 1; k < parts; k++)
        {
            var cut = model.Days * k / parts;
            while (cut < model.Days && model.WeekendOfDay[cut] >= 0 && model.WeekendOfDay[cut] == model.WeekendOfDay[cut - 1])
            {
                cut++;
            }
            cuts.Add(cut);
        }
        cuts.Add(model.Days);
        return [.. cuts];
    }

    /// <summary>Days kept locked on each side of a cut: longer than any run limit, so a run or rest that crosses a cut can
    /// change only by running through the whole locked stretch, which breaks a maximum inside the slice.</summary>
    public static int Margin(SolverModel model) => 1 + model.Limits
        .Select(l => Math.Max(Math.Max(l.MinConsecutive, l.MinDaysOff), l.MaxConsecutive == int.MaxValue ? 0 : l.MaxConsecutive))
        .DefaultIfEmpty(0).Max();

    /// <summary>Days <paramref name="from"/>..<paramref name="to"/> − 1 of <paramref name="rows"/>, with
    /// <paramref name="margin"/> days locked next to each cut (not at the horizon's own ends).</summary>
    public static HorizonSlice Cut(SolverModel model, int[][] rows, int from, int to, int margin, int part, int parts)
    {
        var days = to - from;
        var fullCell = model.Cells.Where(c => c.Day >= from && c.Day < to).Select(c => c.Index).ToArray();
        var sliceCell = Enumerable.Repeat(-1, model.Cells.Length).ToArray();
        for (var i = 0; i < fullCell.Length; i++)
        {
            sliceCell[fullCell[i]] = i;
        }
        int Map(int c) => c < 0 ? -1 : sliceCell[c];
        var cells = fullCell.Select((c, i) => model.Cells[c].Shifted(i, from)).ToArray();
        var slice = new SolverModel
        {
            People = model.People,
            Days = days,
            Shifts = model.Shifts,
            Roles = model.Roles,
            Cells = cells,
            CellsOfDay = Enumerable.Range(from, days).Select(d => model.CellsOfDay[d].Select(Map).ToArray()).ToArray(),
            Eligible = model.Eligible.Select(e => fullCell.Select(c => e[c]).ToArray()).ToArray(),
            WeekendOfDay = Enumerable.Range(from, days).Select(d => model.WeekendOfDay[d] < 0 ? -1 : model.WeekendOfDay[d] - from).ToArray(),
            SingleDayFactor = model.SingleDayFactor.Length == 0 ? [] : model.SingleDayFactor[from..(from + days)],
            CheckOverlap = model.CheckOverlap,
            TagNeedsOfCell = cells.Select(_ => Array.Empty<int>()).ToArray(),
            HardWeight = model.HardWeight,
            MinutesPerUnit = model.MinutesPerUnit,
        };
        bool Locked(int p, int d) => model.Limits[p].Locked[d] || (from > 0 && d < from + margin) || (to < model.Days && d >= to - margin);
        slice.Pinned = Enumerable.Range(0, model.People)
            .Select(p => Enumerable.Range(from, days).Select(d => Locked(p, d) ? Map(rows[p][d]) : -1).ToArray()).ToArray();
        slice.Limits = Enumerable.Range(0, model.People).Select(p => Limits(model, rows[p], p, (from, to), (part, parts), Map, d => Locked(p, d))).ToArray();
        slice.IndexEligibility();
        return new HorizonSlice(slice, from, to, fullCell, sliceCell);
    }

    /// <summary>The slice's part of <paramref name="rows"/>.</summary>
    public int[][] Take(int[][] rows) => rows.Select(r => r[From..To].Select(c => c < 0 ? -1 : _sliceCell[c]).ToArray()).ToArray();

    /// <summary>Writes the slice's rows <paramref name="sliceRows"/> back into <paramref name="rows"/>.</summary>
    public void Put(int[][] sliceRows, int[][] rows)
    {
        for (var p = 0; p < rows.Length; p++)
        {
            for (var d = 0; d < sliceRows[p].Length; d++)
            {
                var c = sliceRows[p][d];
                rows[p][From + d] = c < 0 ? -1 : _fullCell[c];
            }
        }
    }

    private static PersonLimits Limits(SolverModel model, int[] row, int p, (int From, int To) days, (int Index, int Count) part, Func<int, int> map, Func<int, bool> locked)
    {
        var (from, to) = days;
        // The room a total leaves (below its maximum, above its minimum) split between the slices, each slice keeping
        // what it uses now: put back together, the slices stay within every total whatever each does inside.
        long Share(long room) => room < 0 ? 0 : (room / part.Count) + (part.Index == 0 ? room % part.Count : 0);
        var full = model.Limits[p];
        var limits = new PersonLimits(to - from, model.Shifts)
        {
            MaxConsecutive = full.MaxConsecutive,
            MinConsecutive = full.MinConsecutive,
            MinDaysOff = full.MinDaysOff,
            MaxWeekends = full.MaxWeekends == int.MaxValue ? int.MaxValue : Weekends(model, row, from, to) + (int)Share(full.MaxWeekends - Weekends(model, row, 0, model.Days)),
            ForbiddenNext = full.ForbiddenNext,
            StabilityWeight = full.StabilityWeight,
            SpreadMinDays = full.SpreadMinDays,
            SpreadWeight = full.SpreadWeight,
        };
        Array.Copy(full.RestAfter, limits.RestAfter, full.RestAfter.Length);
        for (var d = from; d < to; d++)
        {
            limits.Requests[d - from] = full.Requests[d];
            limits.PreviousCell[d - from] = map(full.PreviousCell[d]);
            limits.Locked[d - from] = locked(d);
        }
        foreach (var w in full.Workloads)
        {
            var (lo, hi) = (Math.Max(w.FromDay, from), Math.Min(w.ToDay, to - 1));
            if (lo > hi)
            {
                continue;
            }
            var (count, minutes, inCount, inMinutes) = (0, 0L, 0, 0L);
            for (var d = Math.Max(0, w.FromDay); d <= Math.Min(model.Days - 1, w.ToDay); d++)
            {
                if (row[d] >= 0 && RowEvaluator.Counts(w, model.Cells[row[d]], d))
                {
                    (count, minutes) = (count + 1, minutes + model.Cells[row[d]].Minutes);
                    if (d >= from && d < to)
                    {
                        (inCount, inMinutes) = (inCount + 1, inMinutes + model.Cells[row[d]].Minutes);
                    }
                }
            }
            limits.Workloads.Add(w with
            {
                FromDay = lo - from,
                ToDay = hi - from,
                MinShifts = w.MinShifts == 0 ? 0 : (int)Math.Max(0, inCount - Share(count - w.MinShifts)),
                MaxShifts = w.MaxShifts == int.MaxValue ? int.MaxValue : inCount + (int)Share(w.MaxShifts - count),
                MinMinutes = w.MinMinutes == 0 ? 0 : Math.Max(0, inMinutes - Share(minutes - w.MinMinutes)),
                MaxMinutes = w.MaxMinutes == long.MaxValue ? long.MaxValue : inMinutes + Share(w.MaxMinutes - minutes),
            });
        }
        return limits;
    }

    private static int Weekends(SolverModel model, int[] row, int from, int to) =>
        Enumerable.Range(from, to - from).Where(d => row[d] >= 0 && model.WeekendOfDay[d] >= 0)
            .Select(d => model.WeekendOfDay[d]).Distinct().Count();
}
