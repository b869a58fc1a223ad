using NodaTime;

namespace Roster.Core.Rules;

/// <summary>A person's duty days over the horizon: a day is worked when one of their slots has that date.</summary>
internal static class DutyDays
{
    public static bool[] Worked(RosterView view, string personId)
    {
        var horizon = view.Horizon;
        var worked = new bool[horizon.Length];
        foreach (var slot in view.SlotsOf(personId))
        {
            if (horizon.Contains(slot.Date))
            {
                worked[Period.DaysBetween(horizon.Start, slot.Date)] = true;
            }
        }
        return worked;
    }

    /// <summary>Maximal runs of equal values; <c>TouchesEdge</c> when the run starts on the first or ends on the last day.</summary>
    public static IEnumerable<(int Start, int Length, bool Worked, bool TouchesEdge)> Runs(bool[] worked)
    {
        var start = 0;
        for (var d = 1; d <= worked.Length; d++)
        {
            if (d == worked.Length || worked[d] != worked[start])
            {
                yield return (start, d - start, worked[start], start == 0 || d == worked.Length);
                start = d;
            }
        }
    }
}
