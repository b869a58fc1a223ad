namespace Roster.Core.Engine.Search;

// Coverage moves: one person-day reassigned, a short cell filled, or coverage transferred to where it is missing.
internal sealed partial class Neighbourhood
{
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
}
