namespace Roster.Bench.Curtois;

/// <summary>A lower bound on the coverage any roster of an instance leaves: weekend slots that must stay empty, and
/// duties that must go above the requirement. Printed with <c>--verbose</c>: it tells whether a result's coverage or its
/// requests are what separates it from the best known value.</summary>
/// <remarks>Empty weekend slots: a weekend worked on both days pairs a Saturday shift with a Sunday shift that may follow
/// it; each weekend pairs at most a maximum matching of its Saturday and Sunday requirements (eligibility, days off and
/// workload limits left out, so the bound is optimistic), and all the staff together work at most the sum of their
/// weekend limits. Duties above the requirement: every minimum of minutes must be worked, and what the filled slots
/// take is at most the requirement's minutes.</remarks>
internal static class CoverageBound
{
    public static (int EmptyWeekendSlots, int DutiesAbove, double Cost) Of(CurtoisInstance instance) => Of(instance, out _);

    /// <remarks><paramref name="pairsByWeekend"/>: the most whole weekends each weekend's required slots can hold (more
    /// where duties above the requirement take part). A roster at the bound works that many on every weekend.</remarks>
    public static (int EmptyWeekendSlots, int DutiesAbove, double Cost) Of(CurtoisInstance instance, out List<int> pairsByWeekend)
    {
        pairsByWeekend = [];
        var required = instance.Cover.GroupBy(c => (c.Day, c.Shift)).ToDictionary(g => g.Key, g => g.Sum(c => c.Requirement));
        int pairs = 0, slots = 0;
        for (var saturday = 5; saturday + 1 < instance.Days; saturday += 7)
        {
            var sat = instance.Shifts.Select(s => required.GetValueOrDefault((saturday, s.Id))).ToArray();
            var sun = instance.Shifts.Select(s => required.GetValueOrDefault((saturday + 1, s.Id))).ToArray();
            slots += sat.Sum() + sun.Sum();
            pairsByWeekend.Add(MaxPairs(instance.Shifts, sat, sun));
            pairs += pairsByWeekend[^1];
        }
        var weekends = instance.Staff.Sum(s => (long)s.MaxWeekends);
        var whole = (int)Math.Min(pairs, weekends);
        var single = (int)Math.Min(slots - (2L * whole), weekends - whole);
        var empty = slots - (2 * whole) - single;
        var minutes = instance.Shifts.ToDictionary(s => s.Id, s => s.Minutes);
        var demand = instance.Cover.Sum(c => (long)c.Requirement * minutes[c.Shift]);
        var longest = instance.Shifts.Max(s => s.Minutes);
        var shortest = instance.Shifts.Min(s => s.Minutes);
        var surplus = instance.Staff.Sum(s => (long)s.MinTotalMinutes) - demand + ((long)empty * shortest);
        var above = (int)Math.Max(0, (surplus + longest - 1) / longest);
        return (empty, above, (empty * instance.Cover.Min(c => c.UnderWeight)) + (above * instance.Cover.Min(c => c.OverWeight)));
    }

    /// <summary>Maximum matching of Saturday to Sunday requirements (a shift with its successor), by augmenting paths
    /// over shift types with their counts as capacities.</summary>
    private static int MaxPairs(IReadOnlyList<CurtoisShift> shifts, int[] saturday, int[] sunday)
    {
        var n = shifts.Count;
        var left = (int[])saturday.Clone();
        var right = (int[])sunday.Clone();
        var flow = new int[n, n];
        var total = 0;
        while (true)
        {
            // Breadth-first search from Saturday shifts with capacity left to a Sunday shift with capacity left.
            var fromLeft = Enumerable.Repeat(-2, n).ToArray();
            var fromRight = Enumerable.Repeat(-1, n).ToArray();
            var queue = new Queue<int>();
            for (var s = 0; s < n; s++)
            {
                if (left[s] > 0)
                {
                    fromLeft[s] = -1;
                    queue.Enqueue(s);
                }
            }
            var end = -1;
            while (queue.Count > 0 && end < 0)
            {
                var s = queue.Dequeue();
                for (var t = 0; t < n && end < 0; t++)
                {
                    if (fromRight[t] >= 0 || shifts[s].CannotFollow.Contains(shifts[t].Id))
                    {
                        continue;
                    }
                    fromRight[t] = s;
                    if (right[t] > 0)
                    {
                        end = t;
                        break;
                    }
                    for (var back = 0; back < n; back++)
                    {
                        if (flow[back, t] > 0 && fromLeft[back] == -2)
                        {
                            fromLeft[back] = t;
                            queue.Enqueue(back);
                        }
                    }
                }
            }
            if (end < 0)
            {
                return total;
            }
            right[end]--;
            for (var t = end; ;)
            {
                var s = fromRight[t];
                flow[s, t]++;
                if (fromLeft[s] == -1)
                {
                    left[s]--;
                    break;
                }
                flow[s, fromLeft[s]]--;
                t = fromLeft[s];
            }
            total++;
        }
    }
}
