namespace Roster.Core.Engine.Search;

/// <summary>Turns cell counts back into slot assignments: pinned people keep their slot, previous holders keep theirs
/// where they can, everyone else takes required slots before optional ones.</summary>
internal static class SolutionMapper
{
    public static Dictionary<string, string> ToAssignments(ModelBuilder builder, int[][] rows)
    {
        var model = builder.Model;
        var problem = builder.Problem;
        var holders = model.Cells.Select(_ => new List<int>()).ToArray();
        for (var p = 0; p < model.People; p++)
        {
            foreach (var c in rows[p].Where(c => c >= 0))
            {
                holders[c].Add(p);
            }
        }
        var pinned = Index(builder, problem.Pinned);
        var previous = Index(builder, problem.Previous);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in model.Cells)
        {
            var people = holders[cell.Index];
            var window = cell.Slots.Take(Math.Max(people.Count, cell.Required)).Select(i => problem.Slots[i].Id).ToHashSet(StringComparer.Ordinal);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var placed = new HashSet<int>();
            void Place(int p, string slotId) => (result[slotId], _) = (builder.People[p].Id, taken.Add(slotId) && placed.Add(p));
            foreach (var p in people.Where(p => pinned.ContainsKey((p, cell.Index))))
            {
                Place(p, pinned[(p, cell.Index)]);
            }
            foreach (var p in people.Where(p => !placed.Contains(p) && previous.TryGetValue((p, cell.Index), out var s) && window.Contains(s) && !taken.Contains(s)))
            {
                Place(p, previous[(p, cell.Index)]);
            }
            var open = new Queue<string>(cell.Slots.Select(i => problem.Slots[i].Id).Where(id => !taken.Contains(id)));
            foreach (var p in people.Where(p => !placed.Contains(p)).ToList())
            {
                Place(p, open.Dequeue());
            }
        }
        return result;
    }

    private static Dictionary<(int Person, int Cell), string> Index(ModelBuilder builder, IReadOnlyList<Assignment> assignments)
    {
        var map = new Dictionary<(int, int), string>();
        foreach (var a in assignments)
        {
            var p = builder.PersonIndex(a.PersonId);
            if (p >= 0 && builder.CellOfSlot.TryGetValue(a.SlotId, out var c))
            {
                map.TryAdd((p, c), a.SlotId);
            }
        }
        return map;
    }
}
