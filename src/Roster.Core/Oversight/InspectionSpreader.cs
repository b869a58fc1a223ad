namespace Roster.Core.Oversight;

/// <summary>
/// Chooses on-site duties for required inspections: spread evenly over the window's days (one a day while days remain),
/// and on each day the person with the fewest inspections so far, so the load falls on different people where possible.
/// Deterministic: ties go to the earlier slot key.
/// </summary>
public static class InspectionSpreader
{
    /// <param name="candidates">On-site duties inside the window.</param>
    /// <param name="needed">How many more inspections to place.</param>
    /// <param name="taken">Duties that already have an inspection of this requirement (slot keys), skipped.</param>
    /// <param name="load">Inspections each person already has; updated as duties are chosen.</param>
    public static IReadOnlyList<InspectionDuty> Spread(
        IReadOnlyList<InspectionDuty> candidates, int needed, IReadOnlySet<string> taken, Dictionary<Guid, int> load)
    {
        var chosen = new List<InspectionDuty>();
        var free = candidates.Where(c => !taken.Contains(c.SlotKey)).ToList();
        var usedDays = candidates.Where(c => taken.Contains(c.SlotKey)).Select(c => c.Date).ToHashSet();
        while (chosen.Count < needed && free.Count > 0)
        {
            var days = free.Select(c => c.Date).Where(d => !usedDays.Contains(d)).Distinct().Order().ToList();
            if (days.Count == 0)
            {
                // Every day already has one: start another round over the same days.
                usedDays.Clear();
                continue;
            }

            var round = Math.Min(needed - chosen.Count, days.Count);
            for (var k = 0; k < round; k++)
            {
                // The middle of the k-th of `round` equal parts of the remaining days.
                var day = days[(int)((2L * k + 1) * days.Count / (2L * round))];
                var pick = free.Where(c => c.Date == day)
                    .OrderBy(c => load.GetValueOrDefault(c.PersonId))
                    .ThenBy(c => c.SlotKey, StringComparer.Ordinal)
                    .First();
                chosen.Add(pick);
                free.Remove(pick);
                usedDays.Add(day);
                load[pick.PersonId] = load.GetValueOrDefault(pick.PersonId) + 1;
            }
        }

        return chosen;
    }

    /// <summary>A patrol on each day of the window that has an on-site duty of the patrol shift, unless that day already has one.</summary>
    public static IReadOnlyList<InspectionDuty> Patrols(
        IReadOnlyList<InspectionDuty> candidates, string shiftCode, IReadOnlySet<string> taken, Dictionary<Guid, int> load)
    {
        var covered = candidates.Where(c => taken.Contains(c.SlotKey)).Select(c => c.Date).ToHashSet();
        var chosen = new List<InspectionDuty>();
        foreach (var day in candidates.Where(c => c.ShiftCode == shiftCode).GroupBy(c => c.Date).OrderBy(g => g.Key))
        {
            if (covered.Contains(day.Key))
            {
                continue;
            }

            var pick = day.OrderBy(c => load.GetValueOrDefault(c.PersonId)).ThenBy(c => c.SlotKey, StringComparer.Ordinal).First();
            chosen.Add(pick);
            load[pick.PersonId] = load.GetValueOrDefault(pick.PersonId) + 1;
        }

        return chosen;
    }
}
