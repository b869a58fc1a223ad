
namespace Roster.Core.Storage.Rosters;

/// <summary>What changed between two versions, slot by slot.</summary>
public sealed record RosterDiff(
    int? FromNumber, int ToNumber, IReadOnlyList<SlotChange> Added, IReadOnlyList<SlotChange> Removed, IReadOnlyList<SlotChange> Changed)
{
    public static RosterDiff Between(int? fromNumber, IReadOnlyList<AssignmentRow> from, int toNumber, IReadOnlyList<AssignmentRow> to)
    {
        var before = from.ToDictionary(a => a.SlotKey, StringComparer.Ordinal);
        var after = to.ToDictionary(a => a.SlotKey, StringComparer.Ordinal);
        var added = after.Values.Where(a => !before.ContainsKey(a.SlotKey)).Select(a => new SlotChange(a.SlotKey, null, a.PersonId));
        var removed = before.Values.Where(a => !after.ContainsKey(a.SlotKey)).Select(a => new SlotChange(a.SlotKey, a.PersonId, null));
        var changed = after.Values
            .Where(a => before.TryGetValue(a.SlotKey, out var b) && b.PersonId != a.PersonId)
            .Select(a => new SlotChange(a.SlotKey, before[a.SlotKey].PersonId, a.PersonId));
        return new RosterDiff(fromNumber, toNumber, Sorted(added), Sorted(removed), Sorted(changed));
    }

    private static List<SlotChange> Sorted(IEnumerable<SlotChange> changes) =>
        changes.OrderBy(c => c.SlotKey, StringComparer.Ordinal).ToList();
}
