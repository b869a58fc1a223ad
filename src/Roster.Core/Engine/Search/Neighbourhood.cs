namespace Roster.Core.Engine.Search;

/// <summary>The moves of the search. Each applies its changes through a <see cref="Move"/> and returns false when it found nothing to do.</summary>
/// <remarks>The moves and their weights are in the move table (Neighbourhood.Moves.cs); each family lives in its own
/// file. While the roster breaks hard rules, moves start from people who break one, near the day they break it.</remarks>
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

    private readonly MoveTable _moves = new(MovesFor(model));

    public bool Propose(Move move)
    {
        if (random.Next(_rebuildOdds) == 0)
        {
            return random.Next(2) == 0 ? Rebuild(move, PickPerson()) : Regroup(move);
        }
        return DrawFromTable(move);
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

    /// <summary>Everyone once, from a random person on: moves look for someone to take or give a duty this way.</summary>
    private Rotation Everyone() => new(null, random.Next(model.People), model.People);

    /// <summary>The people of <paramref name="people"/> once, from a random one on (no draw when there are none).</summary>
    private Rotation Rotated(int[] people) => new(people, people.Length == 0 ? 0 : random.Next(people.Length), people.Length);

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
}
