namespace Roster.Core.Engine.Search;

internal sealed partial class Neighbourhood
{
    /// <summary>The longest stretch of a run re-timed on either side of the day taken.</summary>
    private const int RetimeReach = 3;

    /// <summary>A short cell taken by someone who works that day in a cell above its requirement (now and then in any
    /// other cell; on a weekend, half the time by someone who works only the weekend's other day), with the duties next to it in their run re-timed where the new shift may not follow or precede them:
    /// each such day gets the cell that fits best (short first, then one with room), until the run fits again. Where every
    /// row is pinned by hour windows and run limits (Curtois 24), a short weekday cell beside a surplus of other shifts
    /// that day is mostly kept out by successions with the days either side, which no single-day change clears.</summary>
    internal bool Retime(Move move)
    {
        var c = PickShortCell();
        if (c < 0 || state.Count[c] >= model.Cells[c].Required)
        {
            return false;
        }
        var d = model.Cells[c].Day;
        var partner = model.WeekendPartner(d);
        var completes = partner >= 0 && random.Next(2) == 0;
        var p = completes ? HalfWeekender(c, d, partner) : Holder(c, d, overCoveredOnly: random.Next(4) > 0);
        if (p < 0)
        {
            return false;
        }
        Span<int> forward = stackalloc int[RetimeReach];
        Span<int> backward = stackalloc int[RetimeReach];
        var ahead = Retimed(p, d, c, 1, forward);
        var behind = Retimed(p, d, c, -1, backward);
        if (ahead < 0 || behind < 0)
        {
            return false;
        }
        // Someone completing a weekend works a day more: they give up a weekday run end, above its requirement where
        // they have one, so their hours stay.
        var give = completes ? RunEndToGiveUp(p, d, model.Cells[c].Minutes, preferOverCovered: true) : -1;
        if (give >= 0 && Math.Abs(give - d) > RetimeReach)
        {
            move.Set(p, give, -1);
        }
        move.Set(p, d, c);
        for (var i = 0; i < ahead; i++)
        {
            move.Set(p, d + 1 + i, forward[i]);
        }
        for (var i = 0; i < behind; i++)
        {
            move.Set(p, d - 1 - i, backward[i]);
        }
        return true;
    }

    /// <summary>Someone eligible for cell <paramref name="c"/> who works day <paramref name="d"/> in another cell (above
    /// its requirement with <paramref name="overCoveredOnly"/>) and whose day is not locked; −1 when there is none.</summary>
    private int Holder(int c, int d, bool overCoveredOnly)
    {
        foreach (var q in Rotated(model.EligiblePeople[c]))
        {
            if (state.Rows[q][d] is var held and >= 0 && held != c && !model.Limits[q].Locked[d]
                && (!overCoveredOnly || state.Count[held] > model.Cells[held].Required))
            {
                return q;
            }
        }
        return -1;
    }

    /// <summary>Someone eligible for cell <paramref name="c"/> who is off on weekend day <paramref name="d"/> but works
    /// its <paramref name="partner"/> day (the weekend already counts against their limit) and whose day is not locked;
    /// −1 when there is none.</summary>
    private int HalfWeekender(int c, int d, int partner)
    {
        foreach (var q in Rotated(model.EligiblePeople[c]))
        {
            if (state.Rows[q][d] < 0 && state.Rows[q][partner] >= 0 && !model.Limits[q].Locked[d])
            {
                return q;
            }
        }
        return -1;
    }

    /// <summary>The cells that re-time <paramref name="p"/>'s run going by <paramref name="step"/> (±1) from day
    /// <paramref name="d"/>, where they now take cell <paramref name="c"/>, written to <paramref name="cells"/>: how many
    /// days change (0 when the run already fits), or −1 when a day cannot be re-timed within reach.</summary>
    private int Retimed(int p, int d, int c, int step, Span<int> cells)
    {
        var row = state.Rows[p];
        var limits = model.Limits[p];
        var anchor = c;
        for (var i = 0; i < cells.Length; i++)
        {
            var e = d + (step * (i + 1));
            if (e < 0 || e >= model.Days || row[e] < 0 || Fits(limits, anchor, row[e], step))
            {
                return i;
            }
            if (limits.Locked[e])
            {
                return -1;
            }
            var beyond = e + step >= 0 && e + step < model.Days ? row[e + step] : -1;
            var pick = -1;
            var pickScore = int.MaxValue;
            foreach (var r in model.EligibleOnDay[p][e])
            {
                if (r == row[e] || state.Count[r] >= model.Cells[r].Capacity || !Fits(limits, anchor, r, step))
                {
                    continue;
                }
                // Short cells first, then a run that fits beyond, then the same length (hours kept).
                var score = (state.Count[r] < model.Cells[r].Required ? 0 : 4)
                    + (beyond < 0 || Fits(limits, r, beyond, step) ? 0 : 2)
                    + (model.Cells[r].Minutes == model.Cells[row[e]].Minutes ? 0 : 1);
                if (score < pickScore || (score == pickScore && random.Next(2) == 0))
                {
                    (pick, pickScore) = (r, score);
                }
            }
            if (pick < 0)
            {
                return -1;
            }
            cells[i] = pick;
            anchor = pick;
        }
        return cells.Length;
    }

    /// <summary>Whether <paramref name="next"/> may stand one day from <paramref name="anchor"/> in direction
    /// <paramref name="step"/> (after it for +1, before it for −1).</summary>
    private bool Fits(PersonLimits limits, int anchor, int next, int step) =>
        step > 0 ? model.Follows(limits, anchor, next) : model.Follows(limits, next, anchor);
}
