namespace Roster.Core.Engine.Search;

// Whole rows: rebuilt at their cheapest by the row program, alone or after ruining two or three.
internal sealed partial class Neighbourhood
{
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
}
