namespace Roster.Core.Engine.Search;

internal sealed partial class Neighbourhood
{
    /// <summary>A weekend moved across the horizon: someone who may take a short weekend cell, and is off that whole
    /// weekend, gives up the weekend of theirs where their duties matter least (over the requirement, where there is one)
    /// and works this one instead, its other day too where a cell fits. Where weekend limits bind and the requirement
    /// grows over the horizon (Curtois 24: 39 on the first Saturday, 149 on the last), a start that spends its weekends
    /// early leaves the late ones short, and no change of one person's day or one weekend recovers the allowance.</summary>
    internal bool WeekendTrade(Move move)
    {
        var c = PickShortCell();
        if (c < 0)
        {
            return false;
        }
        var d = model.Cells[c].Day;
        var e = model.WeekendPartner(d);
        if (e < 0)
        {
            return false;
        }
        // Half the time someone whose run the weekend lands in legally (run limits, days off either side).
        var p = random.Next(2) == 0 ? WeekendTaker(c, d, e, landingOnly: true) : -1;
        p = p >= 0 ? p : WeekendTaker(c, d, e, landingOnly: false);
        if (p < 0)
        {
            return false;
        }
        var given = CheapestWeekendOf(p, model.WeekendOfDay[d]);
        if (given < 0)
        {
            return false;
        }
        var (gaveMinutes, gaveDays) = (0, 0);
        foreach (var day in (ReadOnlySpan<int>)[given, model.WeekendPartner(given)])
        {
            if (day >= 0 && state.Rows[p][day] >= 0)
            {
                gaveMinutes += model.Cells[state.Rows[p][day]].Minutes;
                gaveDays++;
                move.Set(p, day, -1);
            }
        }
        move.Set(p, d, c);
        if (gaveDays > 1 && PartnerCell(p, d, c, e, gaveMinutes - model.Cells[c].Minutes) is var other and >= 0)
        {
            move.Set(p, e, other);
        }
        return true;
    }

    /// <summary>Someone off the whole weekend of days <paramref name="d"/> and <paramref name="e"/> who may take cell
    /// <paramref name="c"/> (and, with <paramref name="landingOnly"/>, whose run it lands in legally); −1 when nobody.</summary>
    private int WeekendTaker(int c, int d, int e, bool landingOnly)
    {
        foreach (var q in Everyone())
        {
            if (state.Rows[q][d] < 0 && state.Rows[q][e] < 0 && !model.Limits[q].Locked[e] && CanTake(q, d, c)
                && (!landingOnly || Lands(q, Math.Min(d, e), Math.Max(d, e))))
            {
                return q;
            }
        }
        return -1;
    }

    /// <summary>Whether working every day of <paramref name="first"/>..<paramref name="last"/> (all off now) leaves the
    /// run they join within the run limits, and the days off either side at least the shortest allowed (or at an edge).</summary>
    private bool Lands(int p, int first, int last)
    {
        var (row, limits) = (state.Rows[p], model.Limits[p]);
        var from = first > 0 && row[first - 1] >= 0 ? RunEdge(row, first - 1, -1) : first;
        var to = last + 1 < model.Days && row[last + 1] >= 0 ? RunEdge(row, last + 1, 1) : last;
        var length = to - from + 1;
        return length <= limits.MaxConsecutive && (length >= limits.MinConsecutive || from == 0 || to == model.Days - 1)
            && DaysOffReach(row, from - 1, -1, limits.MinDaysOff) && DaysOffReach(row, to + 1, 1, limits.MinDaysOff);
    }

    /// <summary>The days off from <paramref name="day"/> on in direction <paramref name="step"/> number at least
    /// <paramref name="min"/>, or reach the horizon's edge.</summary>
    private bool DaysOffReach(int[] row, int day, int step, int min)
    {
        var off = 0;
        for (; day >= 0 && day < model.Days && row[day] < 0; day += step)
        {
            off++;
        }
        return day < 0 || day >= model.Days || off >= min;
    }

    /// <summary>A day of the weekend of <paramref name="p"/>'s that costs least to give up (its cells' coverage change,
    /// and locked days never), other than <paramref name="except"/>; −1 when they work no other weekend.</summary>
    private int CheapestWeekendOf(int p, int except)
    {
        var (row, best, bestLoss) = (state.Rows[p], -1, double.PositiveInfinity);
        var start = random.Next(model.Days);
        for (var i = 0; i < model.Days; i++)
        {
            var day = (start + i) % model.Days;
            var weekend = model.WeekendOfDay[day];
            if (weekend < 0 || weekend == except || row[day] < 0 || model.Limits[p].Locked[day])
            {
                continue;
            }
            var partner = model.WeekendPartner(day);
            if (partner >= 0 && partner < day && row[partner] >= 0)
            {
                continue; // counted with its first day
            }
            var loss = LossOfLeaving(row[day]);
            if (partner >= 0 && row[partner] >= 0)
            {
                if (model.Limits[p].Locked[partner])
                {
                    continue;
                }
                loss += LossOfLeaving(row[partner]);
            }
            if (loss < bestLoss)
            {
                (best, bestLoss) = (day, loss);
            }
        }
        return best;
    }

    /// <summary>What coverage cost rises by when one holder leaves cell <paramref name="c"/>.</summary>
    private double LossOfLeaving(int c) => state.CoverageStep(c, -1);

    /// <summary>A cell for <paramref name="p"/> on the weekend's other day <paramref name="e"/>: a short one where they may
    /// take it after (or before) <paramref name="c"/>, else one with room of the length nearest <paramref name="minutes"/>.</summary>
    private int PartnerCell(int p, int d, int c, int e, int minutes)
    {
        var forbidden = model.Limits[p].ForbiddenNext;
        var (best, bestScore) = (-1, long.MaxValue);
        foreach (var o in model.EligibleOnDay[p][e])
        {
            if (state.Count[o] >= model.Cells[o].Capacity)
            {
                continue;
            }
            var (first, second) = e > d ? (c, o) : (o, c);
            if (forbidden is not null && Forbidden(forbidden, first, second))
            {
                continue;
            }
            var score = Math.Abs(model.Cells[o].Minutes - minutes) + (state.Count[o] < model.Cells[o].Required ? 0 : 100_000L);
            if (score < bestScore)
            {
                (best, bestScore) = (o, score);
            }
        }
        return best;
    }
}
