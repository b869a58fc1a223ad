namespace Roster.Core.Engine.Search;

// Targeted at unmet requests: swap the requester onto what they asked for, or slide a run of theirs onto it.
internal sealed partial class Neighbourhood
{
    /// <summary>Per person, the days on which they made a request, ascending (a year of days holds a few dozen).</summary>
    private readonly int[][] _requestDays = model.Limits
        .Select(l => Enumerable.Range(0, model.Days).Where(d => l.Requests[d] is { Length: > 0 }).ToArray())
        .ToArray();

    /// <summary>Grants one unmet request of a random person: a wanted shift is swapped in from someone who holds it that
    /// day (they take the requester's duty or day off), or, for someone off that day, half the time a nearby run of theirs
    /// slides onto it; an unwanted duty is swapped with someone off that day or on another shift. Coverage stays; random swaps rarely pair a request with its holder where there are many people and shifts.</summary>
    internal bool Request(Move move)
    {
        var p = random.Next(model.People);
        var limits = model.Limits[p];
        var start = random.Next(model.Days);
        // The days with requests, in order from the first on or after start, wrapping round.
        var days = _requestDays[p];
        var first = Array.BinarySearch(days, start);
        first = first >= 0 ? first : ~first;
        for (var i = 0; i < days.Length; i++)
        {
            var d = days[(first + i) % days.Length];
            if (limits.Requests[d] is not { } requests || limits.Locked[d])
            {
                continue;
            }
            var mine = state.Rows[p][d];
            foreach (var r in requests)
            {
                if (r.Shift == -2 || r.MetBy(ShiftOf(mine)))
                {
                    continue;
                }
                if (mine < 0 && r.Want && random.Next(2) == 0)
                {
                    return SlideRunOnto(move, p, d);
                }
                var q = RequestPartner(p, d, r, mine);
                if (q < 0)
                {
                    return false;
                }
                if (random.Next(2) == 0)
                {
                    return SwapBlock(move, p, q, d);
                }
                var held = state.Rows[q][d];
                move.Set(p, d, held);
                move.Set(q, d, mine);
                if ((mine < 0) != (held < 0) && random.Next(2) == 0)
                {
                    // One of them gains a duty and the other loses one: half the time another day evens it out, so both
                    // keep their hours where windows are tight.
                    var (gainer, loser) = mine < 0 ? (p, q) : (q, p);
                    HandOver(move, gainer, loser, d, weekdaysAwayOnly: false);
                }
                return true;
            }
        }
        return false;
    }

    /// <summary>Someone whose day <paramref name="d"/> grants <paramref name="p"/>'s request <paramref name="r"/> and who
    /// may take <paramref name="p"/>'s cell <paramref name="mine"/> (or day off) in exchange; −1 when nobody.</summary>
    private int RequestPartner(int p, int d, DayRequest r, int mine)
    {
        foreach (var q in Everyone())
        {
            if (q != p && !model.Limits[q].Locked[d] && state.Rows[q][d] is var theirs && r.MetBy(ShiftOf(theirs))
                && (theirs < 0 || model.Eligible[p][theirs]) && (mine < 0 || model.Eligible[q][mine]) && theirs != mine)
            {
                return q;
            }
        }
        return -1;
    }

    /// <summary>Slides a run of duty ending or starting within three days of day <paramref name="d"/> (where
    /// <paramref name="p"/> is off and asked to work) by the days between, so that it covers <paramref name="d"/>: the run
    /// keeps its shifts in order, its length and its hours; coverage moves from the days it leaves to the days it
    /// reaches. On Curtois 20 nearly every unmet request is such a day, next to a run of the shift asked for.</summary>
    private bool SlideRunOnto(Move move, int p, int d)
    {
        var row = state.Rows[p];
        var limits = model.Limits[p];
        var before = d - 1;
        while (before >= 0 && before > d - 4 && row[before] < 0)
        {
            before--;
        }
        var after = d + 1;
        while (after < model.Days && after < d + 4 && row[after] < 0)
        {
            after++;
        }
        var useBefore = before >= 0 && row[before] >= 0 && (after >= model.Days || row[after] < 0 || random.Next(2) == 0);
        if (!useBefore && (after >= model.Days || row[after] < 0))
        {
            return false;
        }
        // The run's days, and the slide: forwards onto d for a run ending before it, backwards for one starting after it.
        var (first, last) = useBefore ? (RunEdge(row, before, -1), before) : (after, RunEdge(row, after, 1));
        var k = useBefore ? d - last : d - first;
        if (first + k < 0 || last + k >= model.Days)
        {
            return false;
        }
        Span<int> shifted = stackalloc int[last - first + 1];
        for (var day = first; day <= last; day++)
        {
            var target = day + k;
            if (limits.Locked[day] || limits.Locked[target])
            {
                return false;
            }
            shifted[day - first] = FindCell(p, target, model.Cells[row[day]].Shift);
            if (shifted[day - first] < 0)
            {
                return false;
            }
        }
        for (var day = first; day <= last; day++)
        {
            move.Set(p, day, -1);
        }
        for (var day = first; day <= last; day++)
        {
            move.Set(p, day + k, shifted[day - first]);
        }
        return true;
    }

    /// <summary>The last day, going by <paramref name="step"/> (±1) from <paramref name="day"/>, of the run of duty
    /// <paramref name="day"/> belongs to.</summary>
    private int RunEdge(int[] row, int day, int step)
    {
        while (day + step >= 0 && day + step < model.Days && row[day + step] >= 0)
        {
            day += step;
        }
        return day;
    }

    /// <summary>The shift of cell <paramref name="c"/>, −1 for a day off.</summary>
    private int ShiftOf(int c) => c >= 0 ? model.Cells[c].Shift : -1;
}
