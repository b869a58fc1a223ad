namespace Roster.Core.Engine.Search;

// Swaps between two people: two single days, or a block of days.
internal sealed partial class Neighbourhood
{
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
