namespace Roster.Core.Engine.Search;

// Row shape moves: a block of days set to one shift, or a duty moved to another day.
internal sealed partial class Neighbourhood
{
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
}
