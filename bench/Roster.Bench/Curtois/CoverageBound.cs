using Roster.Core.Engine.Search;

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
        var shifts = instance.Shifts;
        for (var saturday = 5; saturday + 1 < instance.Days; saturday += 7)
        {
            var sat = shifts.Select(s => required.GetValueOrDefault((saturday, s.Id))).ToArray();
            var sun = shifts.Select(s => required.GetValueOrDefault((saturday + 1, s.Id))).ToArray();
            slots += sat.Sum() + sun.Sum();
            pairsByWeekend.Add(WeekendPairs.MaxPairs(sat, sun, (a, b) => !shifts[a].CannotFollow.Contains(shifts[b].Id)));
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
}
