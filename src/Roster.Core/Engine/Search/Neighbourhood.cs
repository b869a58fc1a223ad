namespace Roster.Core.Engine.Search;

/// <summary>The moves of the search. Each applies its changes through a <see cref="Move"/> and returns false when it found nothing to do.</summary>
/// <remarks>Moves: reassign a person-day, fill a short cell (also by moving a duty from another day), set a block of days to one shift or off, move a shift to another day,
/// swap two single days or a block of days between two people, grant an unmet request by a swap with someone who holds
/// what was asked for, and fill or hand over a weekend day to someone who already works that weekend. While the roster
/// breaks hard rules, moves start from people who break one, near the day they break it.</remarks>
internal sealed partial class Neighbourhood(SolverModel model, SearchState state, Random random)
{
    private readonly List<int> _violators = [];
    private readonly List<int> _short = [];
    private long _shortDraws;
    private readonly RowOptimizer _optimizer = new(model);
    private long _picks;

    /// <summary>One move in this many rebuilds a whole row: at least 500, more where row programs are large (one in
    /// mean row work / 20, see <see cref="RowOptimizer.RowWork"/>), so that rebuilds keep a modest share of the time.</summary>
    private readonly int _rebuildOdds = (int)Math.Clamp(RowOptimizer.RowWork(model).DefaultIfEmpty(0).Average() / 20, 500, 10_000_000);

    // Request moves where requests are dense (at least one per ten person-days: Curtois has one per four; the district
    // bench one per twenty, where they took iterations from fairness: spread 1.25 instead of 1), weekend moves where
    // anyone's weekends are limited; see the engine README.
    private readonly int _requestKinds = RequestsDense(model) ? RequestKinds : 0;
    private readonly int _weekendKinds = model.Limits.Any(l => l.MaxWeekends < int.MaxValue) && model.WeekendOfDay.Any(w => w >= 0) ? WeekendKinds : 0;
    private const int BaseKinds = 12;
    private const int RequestKinds = 3;
    private const int WeekendKinds = 2;

    /// <summary>At least one request per ten person-days.</summary>
    public static bool RequestsDense(SolverModel model) => model.Limits.Sum(l => l.Requests.Sum(r => r?.Length ?? 0)) * 10 >= model.People * model.Days;

    public bool Propose(Move move)
    {
        if (random.Next(_rebuildOdds) == 0)
        {
            return random.Next(2) == 0 ? Rebuild(move, PickPerson()) : Regroup(move);
        }
        var kind = random.Next(BaseKinds + _requestKinds + _weekendKinds);
        return kind < 2 ? Reassign(move) : kind < 3 ? Fill(move) : kind < 4 ? Transfer(move) : kind < 5 ? Block(move) : kind < 7 ? Shift(move)
            : kind < 9 ? SwapDays(move) : kind < BaseKinds ? Swap(move) : kind < BaseKinds + _requestKinds ? Request(move) : Weekend(move);
    }

    /// <summary>Gives person <paramref name="p"/> the cheapest row given everyone else's (see <see cref="RowOptimizer"/>).</summary>
    public bool Rebuild(Move move, int p)
    {
        if (!_optimizer.Optimise(state, p))
        {
            return false;
        }
        TakeBest(move, p);
        return true;
    }

    /// <summary>Moves person <paramref name="p"/> onto the optimizer's best row, day by day where it differs.</summary>
    private void TakeBest(Move move, int p)
    {
        var (row, best) = (state.Rows[p], _optimizer.Best);
        for (var d = 0; d < model.Days; d++)
        {
            if (best[d] != row[d])
            {
                move.Set(p, d, best[d]);
            }
        }
    }

    /// <summary>Ruin and recreate: clears two or three rows, then rebuilds each in turn at its cheapest given the rest.</summary>
    private bool Regroup(Move move)
    {
        var count = 2 + random.Next(2);
        Span<int> people = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            people[i] = i == 0 ? PickPerson() : random.Next(model.People);
            for (var j = 0; j < i; j++)
            {
                if (people[j] == people[i])
                {
                    return false;
                }
            }
        }
        foreach (var p in people)
        {
            for (var d = 0; d < model.Days; d++)
            {
                if (state.Rows[p][d] >= 0 && !model.Limits[p].Locked[d])
                {
                    move.Set(p, d, -1);
                }
            }
        }
        for (var i = count - 1; i >= 0; i--)
        {
            if (_optimizer.Optimise(state, people[i], anyRow: true))
            {
                TakeBest(move, people[i]);
            }
        }
        return true;
    }

    private bool Reassign(Move move)
    {
        var p = PickPerson();
        var d = PickDay(p);
        if (model.Limits[p].Locked[d])
        {
            return false;
        }
        var options = model.EligibleOnDay[p][d];
        var pick = random.Next(options.Length + 1);
        var c = pick == options.Length ? -1 : options[pick];
        if (c == state.Rows[p][d] || (c >= 0 && state.Count[c] >= model.Cells[c].Capacity))
        {
            return false;
        }
        move.Set(p, d, c);
        return true;
    }

    private bool Fill(Move move)
    {
        var (c, p) = PickTaker(shortOnly: false);
        if (c < 0 || state.Rows[p][model.Cells[c].Day] == c)
        {
            return false;
        }
        move.Set(p, model.Cells[c].Day, c);
        return true;
    }

    /// <summary>A random cell with room (below its requirement when <paramref name="shortOnly"/>, else below its capacity)
    /// and a random person eligible for it whose day there is not locked; (−1, −1) when this draw finds none.</summary>
    private (int Cell, int Person) PickTaker(bool shortOnly)
    {
        var c = shortOnly ? PickShortCell() : random.Next(model.Cells.Length);
        if (c < 0)
        {
            return (-1, -1);
        }
        var cell = model.Cells[c];
        var people = model.EligiblePeople[c];
        if (state.Count[c] >= (shortOnly ? cell.Required : cell.Capacity) || people.Length == 0)
        {
            return (-1, -1);
        }
        var p = people[random.Next(people.Length)];
        return model.Limits[p].Locked[cell.Day] ? (-1, -1) : (c, p);
    }

    /// <summary>A cell below its requirement, drawn from a list refreshed every few hundred draws (where most cells are
    /// covered, a uniform draw rarely hits one); −1 when there is none.</summary>
    private int PickShortCell()
    {
        if ((++_shortDraws & 255) == 1)
        {
            _short.Clear();
            for (var c = 0; c < model.Cells.Length; c++)
            {
                if (state.Count[c] < model.Cells[c].Required)
                {
                    _short.Add(c);
                }
            }
        }
        return _short.Count == 0 ? -1 : _short[random.Next(_short.Count)];
    }

    /// <summary>Fills a short cell with someone off that day who gives up a duty of the same length on another day: their
    /// hours stay, and coverage moves to where it is missing (where hour windows are tight, a plain fill breaks them). The
    /// duty given up is one in a cell above its requirement where they have one.</summary>
    private bool Transfer(Move move)
    {
        var (c, p) = PickTaker(shortOnly: true);
        if (c < 0 || state.Rows[p][model.Cells[c].Day] >= 0)
        {
            return false;
        }
        var cell = model.Cells[c];
        var start = random.Next(model.Days);
        var giveUp = -1;
        for (var i = 0; i < model.Days; i++)
        {
            var d = (start + i) % model.Days;
            var held = state.Rows[p][d];
            if (held >= 0 && !model.Limits[p].Locked[d] && model.Cells[held].Minutes == cell.Minutes)
            {
                giveUp = giveUp < 0 ? d : giveUp;
                if (state.Count[held] > model.Cells[held].Required)
                {
                    giveUp = d;
                    break;
                }
            }
        }
        if (giveUp < 0)
        {
            return false;
        }
        move.Set(p, giveUp, -1);
        move.Set(p, cell.Day, c);
        return true;
    }

    /// <summary>Where weekends worked are limited, a weekend day worked without its other day wastes one: half the time
    /// a short weekend cell goes to someone who already works the other day of that weekend (they use up no further
    /// weekend), else a half-worked weekend's duty passes to someone who works its other day (coverage stays, and the
    /// giver has a weekend free for another). Random rows rarely find either. A third of the time the same through a
    /// chain of people who work both days (<see cref="WeekendPath"/>).</summary>
    internal bool Weekend(Move move)
    {
        if (random.Next(3) == 0)
        {
            return WeekendPath(move);
        }
        if (!WeekendStart(preferStuck: false, out var c, out var d, out var partner, out var giver))
        {
            return false;
        }
        var taker = FindPerson(p => state.Rows[p][d] < 0 && state.Rows[p][partner] >= 0 && !model.Limits[p].Locked[d] && model.Eligible[p][c]);
        if (taker < 0)
        {
            return false;
        }
        if (giver >= 0)
        {
            move.Set(giver, d, -1);
        }
        move.Set(taker, d, c);
        // A shift that may not follow (or be followed by) the taker's other weekend day: that day takes the same shift too.
        var other = state.Rows[taker][partner];
        var (first, second) = partner < d ? (other, c) : (c, other);
        if (model.Limits[taker].ForbiddenNext is { } forbidden && forbidden[(model.Cells[first].Shift * model.Shifts) + model.Cells[second].Shift]
            && !model.Limits[taker].Locked[partner] && FindCell(taker, partner, model.Cells[c].Shift) is var same and >= 0)
        {
            move.Set(taker, partner, same);
        }
        if (random.Next(2) == 0)
        {
            // Half the time the taker gives up the far end of the run the weekend closes (or opens): the run keeps its
            // length and the hours stay roughly the same.
            var end = RunEdge(state.Rows[taker], partner, partner < d ? -1 : 1);
            if (end != partner && !model.Limits[taker].Locked[end])
            {
                move.Set(taker, end, -1);
            }
        }
        return true;
    }

    /// <summary>Grants one unmet request of a random person: a wanted shift is swapped in from someone who holds it that
    /// day (they take the requester's duty or day off), or, for someone off that day, half the time a nearby run of theirs
    /// slides onto it; an unwanted duty is swapped with someone off that day or on another shift. Coverage stays; random swaps rarely pair a request with its holder where there are many people and shifts.</summary>
    internal bool Request(Move move)
    {
        var p = random.Next(model.People);
        var limits = model.Limits[p];
        var start = random.Next(model.Days);
        for (var i = 0; i < model.Days; i++)
        {
            var d = (start + i) % model.Days;
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
                var q = FindPerson(q => q != p && !model.Limits[q].Locked[d] && state.Rows[q][d] is var theirs
                    && r.MetBy(ShiftOf(theirs)) && (theirs < 0 || model.Eligible[p][theirs]) && (mine < 0 || model.Eligible[q][mine]) && theirs != mine);
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

    /// <summary>The other day of <paramref name="d"/>'s weekend, or −1 when <paramref name="d"/> is not a weekend day or
    /// its weekend's other day lies outside the horizon.</summary>
    private int WeekendPartner(int d)
    {
        var weekend = model.WeekendOfDay[d];
        return weekend < 0 ? -1
            : d > 0 && model.WeekendOfDay[d - 1] == weekend ? d - 1
            : d + 1 < model.Days && model.WeekendOfDay[d + 1] == weekend ? d + 1
            : -1;
    }

    /// <summary>A person satisfying <paramref name="fits"/>, scanning from a random one; −1 when nobody does.</summary>
    private int FindPerson(Func<int, bool> fits)
    {
        var start = random.Next(model.People);
        for (var i = 0; i < model.People; i++)
        {
            var p = (start + i) % model.People;
            if (fits(p))
            {
                return p;
            }
        }
        return -1;
    }

    /// <summary>Gives one person the same shift (or a day off) on a run of days, where eligible and there is room.</summary>
    private bool Block(Move move)
    {
        var p = PickPerson();
        var length = 2 + random.Next(Math.Min(model.Days, 5) - 1);
        var from = Math.Clamp(PickDay(p) - random.Next(length), 0, Math.Max(0, model.Days - length));
        var shift = random.Next(model.Shifts + 1) - 1;
        var changed = false;
        for (var d = from; d < Math.Min(model.Days, from + length); d++)
        {
            if (model.Limits[p].Locked[d])
            {
                continue;
            }
            var c = shift < 0 ? -1 : FindCell(p, d, shift);
            if ((shift < 0 || c >= 0) && c != state.Rows[p][d])
            {
                move.Set(p, d, c);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Moves one of a person's shifts to another day (same shift type): totals stay, runs and weekends change.</summary>
    private bool Shift(Move move)
    {
        var p = PickPerson();
        var from = PickDay(p);
        var to = random.Next(2) == 0 ? Math.Clamp(from + random.Next(-3, 4), 0, model.Days - 1) : random.Next(model.Days);
        var c = state.Rows[p][from];
        if (c < 0 || state.Rows[p][to] >= 0 || model.Limits[p].Locked[from] || model.Limits[p].Locked[to])
        {
            return false;
        }
        var target = FindCell(p, to, model.Cells[c].Shift);
        if (target < 0)
        {
            return false;
        }
        move.Set(p, from, -1);
        move.Set(p, to, target);
        return true;
    }

    /// <summary>Two people exchange their duties on two separate days: coverage stays, both rows change shape.</summary>
    private bool SwapDays(Move move)
    {
        var (a, b) = (PickPerson(), random.Next(model.People));
        var d1 = PickDay(a);
        var d2 = random.Next(2) == 0 ? Math.Clamp(d1 + random.Next(-3, 4), 0, model.Days - 1) : random.Next(model.Days);
        if (a == b || d1 == d2)
        {
            return false;
        }
        foreach (var d in (ReadOnlySpan<int>)[d1, d2])
        {
            var (ca, cb) = (state.Rows[a][d], state.Rows[b][d]);
            if (model.Limits[a].Locked[d] || model.Limits[b].Locked[d] || (cb >= 0 && !model.Eligible[a][cb]) || (ca >= 0 && !model.Eligible[b][ca]))
            {
                move.Undo();
                return false;
            }
            move.Set(a, d, cb);
            move.Set(b, d, ca);
        }
        return true;
    }

    /// <summary>While the roster breaks hard rules, two moves in three start from a person who breaks one.</summary>
    private int PickPerson()
    {
        if (state.Hard > 0 && (++_picks & 255) == 0)
        {
            _violators.Clear();
            for (var p = 0; p < model.People; p++)
            {
                if (state.HardOf(p) > 0)
                {
                    _violators.Add(p);
                }
            }
        }
        return state.Hard > 0 && _violators.Count > 0 && random.Next(3) > 0 ? _violators[random.Next(_violators.Count)] : random.Next(model.People);
    }

    /// <summary>Near the person's last broken day half of the time while they break a rule, else uniform.</summary>
    private int PickDay(int p)
    {
        var hot = state.HotDay[p];
        return hot >= 0 && state.HardOf(p) > 0 && random.Next(2) == 0
            ? Math.Clamp(hot + random.Next(-3, 2), 0, model.Days - 1)
            : random.Next(model.Days);
    }

    private int FindCell(int p, int d, int shift)
    {
        foreach (var c in model.EligibleOnDay[p][d])
        {
            if (model.Cells[c].Shift == shift && (state.Count[c] < model.Cells[c].Capacity || state.Rows[p][d] == c))
            {
                return c;
            }
        }
        return -1;
    }

    private bool Swap(Move move)
    {
        var (a, b) = (PickPerson(), random.Next(model.People));
        return a != b && SwapBlock(move, a, b, PickDay(a));
    }

    /// <summary>People <paramref name="a"/> and <paramref name="b"/> exchange their duties on a block of one to seven days
    /// around <paramref name="day"/>: coverage stays, each row keeps the other's shape inside the block.</summary>
    private bool SwapBlock(Move move, int a, int b, int day)
    {
        var length = 1 + random.Next(Math.Min(model.Days, 7));
        var from = Math.Clamp(day - random.Next(length), 0, model.Days - length);
        var changed = false;
        for (var d = from; d < from + length; d++)
        {
            var (ca, cb) = (state.Rows[a][d], state.Rows[b][d]);
            if (ca == cb)
            {
                continue;
            }
            if (model.Limits[a].Locked[d] || model.Limits[b].Locked[d] || (cb >= 0 && !model.Eligible[a][cb]) || (ca >= 0 && !model.Eligible[b][ca]))
            {
                move.Undo();
                return false;
            }
            move.Set(a, d, cb);
            move.Set(b, d, ca);
            changed = true;
        }
        return changed;
    }
}
