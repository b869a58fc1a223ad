namespace Roster.Core.Swaps;

/// <summary>What a swap or give-away does to a roster, and where an accepted offer goes next.</summary>
public static class SwapRules
{
    /// <summary>
    /// The slots that change hands: the offered slot goes to the taker and, for a swap, the counter slot to the offerer.
    /// </summary>
    public static IReadOnlyList<(string SlotKey, Guid PersonId)> Changes(string slotKey, Guid fromPersonId, Guid taker, string? counterSlotKey) =>
        counterSlotKey is null ? [(slotKey, taker)] : [(slotKey, taker), (counterSlotKey, fromPersonId)];

    /// <summary>The roster (slot key → person id) with the slots exchanged; <paramref name="roster"/> is left as it was.</summary>
    public static Dictionary<string, string> Exchanged(
        IReadOnlyDictionary<string, string> roster, string slotKey, Guid fromPersonId, Guid taker, string? counterSlotKey)
    {
        var exchanged = new Dictionary<string, string>(roster, StringComparer.Ordinal);
        foreach (var (slot, person) in Changes(slotKey, fromPersonId, taker, counterSlotKey))
        {
            exchanged[slot] = person.ToString();
        }

        return exchanged;
    }

    /// <summary>
    /// Where an offer goes once a colleague accepts it: it waits for an administrator when the unit wants swaps approved
    /// or the unit above approves the period's rosters (such a swap never applies by itself); otherwise it applies at once.
    /// </summary>
    public static SwapStatus AfterAccept(bool unitApprovesSwaps, bool periodRequiresApproval) =>
        unitApprovesSwaps || periodRequiresApproval ? SwapStatus.Accepted : SwapStatus.Approved;
}
