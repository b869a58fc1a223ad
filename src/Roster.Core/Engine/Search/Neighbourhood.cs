namespace Roster.Core.Engine.Search;

/// <summary>The moves of the search. Each applies its changes through a <see cref="Move"/> and returns false when it found nothing to do.</summary>
/// <remarks>Moves: reassign a person-day, fill a short cell (also by moving a duty from another day), set a block of days to one shift or off, move a shift to another day,
/// swap two single days or a block of days between two people. While the roster breaks hard rules, moves start from people
/// who break one, near the day they break it.</remarks>
internal sealed class Neighbourhood(SolverModel model, SearchState state, Random random)
{
    private readonly List<int> _violators = [];
    private readonly List<int> _short = [];
    private long _shortDraws;
    private readonly RowOptimizer _optimizer = new(model);
    private long _picks;

    /// <summary>One move in this many rebuilds a whole row: at least 500, more where row programs are large (one in
    /// mean row work / 20, see <see cref="RowOptimizer.RowWork"/>), so that rebuilds keep a modest share of the time.</summary>
    private readonly int _rebuildOdds = (int)Math.Clamp(RowOptimizer.RowWork(model).DefaultIfEmpty(0).Average() / 20, 500, 10_000_000);

    public bool Propose(Move move)
    {
        if (random.Next(_rebuildOdds) == 0)
        {
            return random.Next(2) == 0 ? Rebuild(move, PickPerson()) : Regroup(move);
        }
        var kind = random.Next(12);
        return kind < 2 ? Reassign(move) : kind < 3 ? Fill(move) : kind < 4 ? Transfer(move) : kind < 5 ? Block(move) : kind < 7 ? Shift(move) : kind < 9 ? SwapDays(move) : Swap(move);
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
        if (a == b)
        {
            return false;
        }
        var length = 1 + random.Next(Math.Min(model.Days, 7));
        var from = Math.Clamp(PickDay(a) - random.Next(length), 0, model.Days - length);
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
