namespace Roster.Core.Engine.Search;

/// <summary>Which weekend days are the short side of their weekend: where every required place of that day can pair with
/// one of the other day (a shift with one that may follow it), a weekend worked on that day alone takes a place a whole
/// weekend could have filled, and where weekends worked are limited that costs a place elsewhere.</summary>
/// <remarks>The pairs are a maximum matching of the two days' required places by shift, a shift pairing with another where
/// anyone may work them in that order; eligibility, days off and workloads are left out, so a day is called short only
/// when the required places alone say so.</remarks>
internal static class WeekendPairs
{
    /// <summary>Per day: true for a weekend day whose required places can all be paired with the other day's.</summary>
    public static bool[] ShortDays(SolverModel model)
    {
        var days = new bool[model.Days];
        var mayFollow = MayFollow(model);
        for (var d = 0; d + 1 < model.Days; d++)
        {
            if (model.WeekendPartner(d) != d + 1)
            {
                continue;
            }
            var first = Demand(model, d);
            var second = Demand(model, d + 1);
            var pairs = MaxPairs(first, second, (a, b) => mayFollow[a, b]);
            days[d] = first.Sum() > 0 && pairs == first.Sum();
            days[d + 1] = second.Sum() > 0 && pairs == second.Sum();
        }
        return days;
    }

    private static int[] Demand(SolverModel model, int d)
    {
        var demand = new int[model.Shifts];
        foreach (var c in model.CellsOfDay[d])
        {
            if (model.Cells[c].CoverageSet)
            {
                demand[model.Cells[c].Shift] += model.Cells[c].Required;
            }
        }
        return demand;
    }

    /// <summary>[a, b]: whether anyone may work shift b the day after shift a.</summary>
    private static bool[,] MayFollow(SolverModel model)
    {
        var n = model.Shifts;
        var may = new bool[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                may[a, b] = model.Limits.Any(l => l.ForbiddenNext is not { } forbidden || !forbidden[(a * n) + b]);
            }
        }
        return may;
    }

    /// <summary>The most pairs of a place of the first day (<paramref name="first"/>: places per shift) with one of the
    /// second, shift a with shift b where <paramref name="mayFollow"/>(a, b): a maximum flow through the shift pairs.</summary>
    public static int MaxPairs(int[] first, int[] second, Func<int, int, bool> mayFollow)
    {
        var n = first.Length;
        // Nodes: 0 source, 1..n first day's shifts, n+1..2n second day's shifts, 2n+1 sink.
        var size = (2 * n) + 2;
        var capacity = new int[size, size];
        for (var a = 0; a < n; a++)
        {
            capacity[0, 1 + a] = first[a];
            capacity[1 + n + a, size - 1] = second[a];
            for (var b = 0; b < n; b++)
            {
                if (mayFollow(a, b))
                {
                    capacity[1 + a, 1 + n + b] = int.MaxValue / 4;
                }
            }
        }
        var flow = 0;
        var previous = new int[size];
        while (true)
        {
            Array.Fill(previous, -1);
            previous[0] = 0;
            var queue = new Queue<int>();
            queue.Enqueue(0);
            while (queue.Count > 0 && previous[size - 1] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < size; v++)
                {
                    if (previous[v] < 0 && capacity[u, v] > 0)
                    {
                        previous[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }
            if (previous[size - 1] < 0)
            {
                return flow;
            }
            var push = int.MaxValue;
            for (var v = size - 1; v != 0; v = previous[v])
            {
                push = Math.Min(push, capacity[previous[v], v]);
            }
            for (var v = size - 1; v != 0; v = previous[v])
            {
                capacity[previous[v], v] -= push;
                capacity[v, previous[v]] += push;
            }
            flow += push;
        }
    }
}
