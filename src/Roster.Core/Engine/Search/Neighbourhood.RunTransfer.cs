namespace Roster.Core.Engine.Search;

internal sealed partial class Neighbourhood
{
    /// <summary>A short cell taken by someone whose run it extends by one day (the run stays within its longest, the days
    /// off after it within their shortest), who gives up the end of another run of theirs, in a cell above its
    /// requirement where they have one: hours, run lengths and days off all stay legal. Where every row is pinned between
    /// tight hour windows and run limits (Curtois 24), a short weekday cell beside a surplus of other shifts that day
    /// needs exactly this pair of changes; the plain transfer lands the duty on a lone day.</summary>
    internal bool RunTransfer(Move move)
    {
        var c = PickShortCell();
        if (c < 0)
        {
            return false;
        }
        var d = model.Cells[c].Day;
        if (model.WeekendOfDay[d] >= 0)
        {
            return false;
        }
        var p = -1;
        foreach (var q in Everyone())
        {
            if (state.Rows[q][d] < 0 && CanTake(q, d, c) && ExtendsRun(q, d))
            {
                p = q;
                break;
            }
        }
        if (p < 0)
        {
            return false;
        }
        var give = RunEndToGiveUp(p, d, model.Cells[c].Minutes, preferOverCovered: true);
        if (give < 0)
        {
            return false;
        }
        move.Set(p, give, -1);
        move.Set(p, d, c);
        return true;
    }

    /// <summary>Whether working day <paramref name="d"/> (off now) lengthens a run of <paramref name="p"/>'s by one day
    /// and leaves it legal (see <see cref="Lands"/>).</summary>
    private bool ExtendsRun(int p, int d)
    {
        var row = state.Rows[p];
        var before = d > 0 && row[d - 1] >= 0;
        var after = d + 1 < model.Days && row[d + 1] >= 0;
        return before != after && Lands(p, d, d);
    }

    /// <summary>A day ending a run of <paramref name="p"/>'s (a weekday not next to <paramref name="day"/>) that leaves the
    /// run at least their shortest: with <paramref name="preferOverCovered"/> of a cell above its requirement first, then
    /// of <paramref name="minutes"/>; else the first found from a random day. −1 when there is none.</summary>
    private int RunEndToGiveUp(int p, int day, int minutes, bool preferOverCovered)
    {
        var row = state.Rows[p];
        var start = random.Next(model.Days);
        var (pick, pickScore) = (-1, int.MaxValue);
        for (var i = 0; i < model.Days; i++)
        {
            var e = (start + i) % model.Days;
            if (row[e] < 0 || model.WeekendOfDay[e] >= 0 || Math.Abs(e - day) <= 1 || model.Limits[p].Locked[e])
            {
                continue;
            }
            var first = RunEdge(row, e, -1);
            var last = RunEdge(row, e, 1);
            if ((e != first && e != last) || last - first < Math.Max(1, model.Limits[p].MinConsecutive))
            {
                continue;
            }
            var score = (!preferOverCovered || state.Count[row[e]] > model.Cells[row[e]].Required ? 0 : 2) + (model.Cells[row[e]].Minutes == minutes ? 0 : 1);
            if (score < pickScore)
            {
                (pick, pickScore) = (e, score);
                if (score == 0)
                {
                    break;
                }
            }
        }
        return pick;
    }
}
