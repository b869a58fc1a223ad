namespace Roster.Core.Engine.Search;

internal sealed partial class Neighbourhood
{
    /// <summary>How many people the chain tries for the short cell before it gives up on this draw.</summary>
    private const int ChainTries = 8;

    /// <summary>A short cell taken, the same day, by someone whose own cell (needed) passes to a third person who leaves a
    /// cell above its requirement: coverage moves from a surplus shift to a short one through a shift both can work, and
    /// every row keeps its day, so runs, days off and weekends stay as they were. Where the people on a surplus shift
    /// cannot work the short one (skills, or successions with their days either side), one step between them does.</summary>
    internal bool Chain(Move move)
    {
        var c = PickShortCell();
        if (c < 0 || state.Count[c] >= model.Cells[c].Required)
        {
            return false;
        }
        var d = model.Cells[c].Day;
        var takers = model.EligiblePeople[c];
        if (takers.Length == 0)
        {
            return false;
        }
        var start = random.Next(takers.Length);
        var tries = 0;
        for (var i = 0; i < takers.Length && tries < ChainTries; i++)
        {
            var a = takers[(start + i) % takers.Length];
            var held = state.Rows[a][d];
            // A holder of a surplus cell is the retime move's case; a day off changes hours.
            if (held < 0 || held == c || state.Count[held] > model.Cells[held].Required || model.Limits[a].Locked[d] || !FitsBetween(a, d, c))
            {
                continue;
            }
            tries++;
            var b = Backfill(held, d, a);
            if (b >= 0)
            {
                move.Set(b, d, held);
                move.Set(a, d, c);
                return true;
            }
        }
        return false;
    }

    /// <summary>Someone other than <paramref name="a"/> who works day <paramref name="d"/> in a cell above its requirement
    /// and can take cell <paramref name="c"/> instead (eligible, day not locked, it fits their days either side); −1 when
    /// there is none.</summary>
    private int Backfill(int c, int d, int a)
    {
        var people = model.EligiblePeople[c];
        var start = random.Next(people.Length);
        for (var i = 0; i < people.Length; i++)
        {
            var b = people[(start + i) % people.Length];
            var theirs = state.Rows[b][d];
            if (b != a && theirs >= 0 && theirs != c && state.Count[theirs] > model.Cells[theirs].Required
                && !model.Limits[b].Locked[d] && FitsBetween(b, d, c))
            {
                return b;
            }
        }
        return -1;
    }

    /// <summary>Whether cell <paramref name="c"/> on day <paramref name="d"/> fits <paramref name="q"/>'s duties on the days
    /// either side.</summary>
    private bool FitsBetween(int q, int d, int c)
    {
        var limits = model.Limits[q];
        var before = d > 0 ? state.Rows[q][d - 1] : -1;
        var after = d + 1 < model.Days ? state.Rows[q][d + 1] : -1;
        return (before < 0 || model.Follows(limits, before, c)) && (after < 0 || model.Follows(limits, c, after));
    }
}
