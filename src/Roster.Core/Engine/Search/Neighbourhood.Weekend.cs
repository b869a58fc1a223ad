namespace Roster.Core.Engine.Search;

// Targeted at weekends worked on one day only (see also the weekend paths).
internal sealed partial class Neighbourhood
{
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
        var taker = -1;
        foreach (var p in Everyone())
        {
            if (state.Rows[p][d] < 0 && state.Rows[p][partner] >= 0 && !model.Limits[p].Locked[d] && model.Eligible[p][c])
            {
                taker = p;
                break;
            }
        }
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
        if (model.Limits[taker].ForbiddenNext is { } forbidden && Forbidden(forbidden, first, second)
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
}
