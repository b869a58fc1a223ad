namespace Roster.Core.Engine.Search;

internal sealed partial class Neighbourhood
{
    private const int MaxPathLength = 4;
    private readonly List<(int Person, int Cell)> _path = [];
    private readonly List<int> _seenCells = [];

    /// <summary>An augmenting path on one weekend day: a short cell (or the cell of someone who works only that day of
    /// the weekend) is taken by someone who works both days of the weekend, whose own cell that day is taken by another
    /// such person, and so on, until someone who works only the weekend's other day takes the last cell freed. Everyone
    /// on the path keeps the other day; the weekend worked on one day becomes a whole one and one more weekend slot is
    /// covered. Where weekend limits bind (Curtois 13), each weekend holds at most a maximum matching of Saturday to
    /// Sunday shifts as whole weekends, and a roster one pair short of it leaves a slot empty that no single change
    /// fills.</summary>
    internal bool WeekendPath(Move move)
    {
        if (!WeekendStart(preferStuck: true, out var target, out var d, out var partner, out var giver))
        {
            return false;
        }
        _path.Clear();
        _seenCells.Clear();
        _seenCells.Add(target);
        var need = target;
        for (var step = 0; step <= MaxPathLength; step++)
        {
            // Someone working only the other day ends the path; else someone working both days moves up the path.
            var end = -1;
            foreach (var q in Everyone())
            {
                if (state.Rows[q][d] < 0 && state.Rows[q][partner] >= 0 && CanTake(q, d, need))
                {
                    end = q;
                    break;
                }
            }
            if (end >= 0)
            {
                _path.Add((end, need));
                if (giver >= 0)
                {
                    move.Set(giver, d, -1);
                }
                foreach (var (q, c) in _path)
                {
                    move.Set(q, d, c);
                }
                var evenOut = random.Next(3);
                if (giver >= 0 && evenOut == 0)
                {
                    HandOver(move, end, giver, d, weekdaysAwayOnly: true);
                }
                else if (giver >= 0 && evenOut == 1)
                {
                    TakeShortOnAnotherWeekend(move, giver, model.WeekendOfDay[d]);
                    GiveUpRunEnd(move, end, d, model.Cells[need].Minutes);
                }
                else if (giver < 0 && evenOut > 0)
                {
                    GiveUpRunEnd(move, end, d, model.Cells[need].Minutes);
                }
                return true;
            }
            if (step == MaxPathLength)
            {
                break;
            }
            var next = -1;
            foreach (var q in Everyone())
            {
                if (q != giver && state.Rows[q][d] is var held && held >= 0 && !_seenCells.Contains(held) && state.Rows[q][partner] >= 0 && CanTake(q, d, need))
                {
                    next = q;
                    break;
                }
            }
            if (next < 0)
            {
                return false;
            }
            _path.Add((next, need));
            need = state.Rows[next][d];
            _seenCells.Add(need);
        }
        return false;
    }

    /// <summary>Where a weekend move starts: half the time a short weekend cell (<paramref name="giver"/> −1), else the cell
    /// of a <paramref name="giver"/> who works a random day's weekend on that day only; their weekend is then free for
    /// another. With <paramref name="preferStuck"/>, half of those givers cannot work the other day at all (a day off): they
    /// spend a weekend on one slot. False when this draw finds neither.</summary>
    private bool WeekendStart(bool preferStuck, out int cell, out int day, out int partner, out int giver)
    {
        var fromShort = random.Next(2) == 0;
        cell = fromShort ? PickShortCell() : -1;
        day = cell >= 0 ? model.Cells[cell].Day : random.Next(model.Days);
        partner = model.WeekendPartner(day);
        giver = -1;
        if ((fromShort && cell < 0) || partner < 0)
        {
            return false;
        }
        if (fromShort)
        {
            return true;
        }
        var stuck = preferStuck && random.Next(2) == 0;
        foreach (var q in Everyone())
        {
            if (state.Rows[q][day] >= 0 && state.Rows[q][partner] < 0 && !model.Limits[q].Locked[day]
                && (!stuck || model.EligibleOnDay[q][partner].Length == 0))
            {
                giver = q;
                break;
            }
        }
        cell = giver >= 0 ? state.Rows[giver][day] : -1;
        return giver >= 0;
    }

    /// <summary><paramref name="gainer"/> (who took a duty on <paramref name="day"/>) hands one of their duties on another
    /// day to <paramref name="loser"/> (who gave one up), where the loser is off and may take it: both keep their hours.
    /// With <paramref name="weekdaysAwayOnly"/> only a weekday not next to <paramref name="day"/>.</summary>
    private void HandOver(Move move, int gainer, int loser, int day, bool weekdaysAwayOnly)
    {
        var from = random.Next(model.Days);
        for (var j = 0; j < model.Days; j++)
        {
            var e = (from + j) % model.Days;
            var c = state.Rows[gainer][e];
            var away = weekdaysAwayOnly ? model.WeekendOfDay[e] < 0 && Math.Abs(e - day) > 1 : e != day;
            if (away && c >= 0 && state.Rows[loser][e] < 0 && model.Eligible[loser][c] && !model.Limits[gainer].Locked[e] && !model.Limits[loser].Locked[e])
            {
                move.Set(gainer, e, -1);
                move.Set(loser, e, c);
                return;
            }
        }
    }

    /// <summary>The giver, whose weekend the path freed, takes a short cell on another weekend they may work it on.</summary>
    private void TakeShortOnAnotherWeekend(Move move, int giver, int freedWeekend)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var c = PickShortCell();
            if (c < 0)
            {
                return;
            }
            var e = model.Cells[c].Day;
            var weekend = model.WeekendOfDay[e];
            if (weekend >= 0 && weekend != freedWeekend && state.Count[c] < model.Cells[c].Required && state.Rows[giver][e] < 0 && CanTake(giver, e, c))
            {
                move.Set(giver, e, c);
                return;
            }
        }
    }

    /// <summary>Whether <paramref name="q"/> may take cell <paramref name="c"/> on day <paramref name="d"/> as far as
    /// eligibility, a locked day and the successions with the days either side go.</summary>
    private bool CanTake(int q, int d, int c)
    {
        var limits = model.Limits[q];
        if (limits.Locked[d] || !model.Eligible[q][c])
        {
            return false;
        }
        if (limits.ForbiddenNext is not { } forbidden)
        {
            return true;
        }
        var before = d > 0 ? state.Rows[q][d - 1] : -1;
        var after = d + 1 < model.Days ? state.Rows[q][d + 1] : -1;
        return (before < 0 || !Forbidden(forbidden, before, c)) && (after < 0 || !Forbidden(forbidden, c, after));
    }

    /// <summary>Whether cell <paramref name="second"/>'s shift may not follow cell <paramref name="first"/>'s on the next
    /// day under a person's <see cref="PersonLimits.ForbiddenNext"/>.</summary>
    private bool Forbidden(bool[] forbidden, int first, int second) => forbidden[(model.Cells[first].Shift * model.Shifts) + model.Cells[second].Shift];

    /// <summary>The person who gained a weekend day gives up a weekday duty at the end of one of their runs (one that
    /// stays long enough without it; of <paramref name="minutes"/> where they have one): their hours stay, and the slot
    /// left short is a weekday one, which anyone with hours to spare can take, not a weekend one, which only someone with
    /// a weekend to spare can.</summary>
    private void GiveUpRunEnd(Move move, int p, int weekendDay, int minutes)
    {
        if (RunEndToGiveUp(p, weekendDay, minutes, preferOverCovered: false) is var pick and >= 0)
        {
            move.Set(p, pick, -1);
        }
    }
}
