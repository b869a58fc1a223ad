using Roster.Core.Swaps;

namespace Roster.Core.Tests.Swaps;

public sealed class SwapRulesTests
{
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Cat = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static Dictionary<string, string> Roster() =>
        new(StringComparer.Ordinal) { ["d0"] = Ann.ToString(), ["d1"] = Bob.ToString(), ["d2"] = Cat.ToString() };

    [Fact]
    public void Exchanged_GiveAway_PutsTheTakerInTheOfferedSlotOnly()
    {
        var exchanged = SwapRules.Exchanged(Roster(), "d0", Ann, Bob, counterSlotKey: null);
        Assert.Equal(Bob.ToString(), exchanged["d0"]);
        Assert.Equal(Bob.ToString(), exchanged["d1"]);
        Assert.Equal(Cat.ToString(), exchanged["d2"]);
    }

    [Fact]
    public void Exchanged_Swap_PutsTheOffererInTheCounterSlot()
    {
        var exchanged = SwapRules.Exchanged(Roster(), "d0", Ann, Bob, "d1");
        Assert.Equal(Bob.ToString(), exchanged["d0"]);
        Assert.Equal(Ann.ToString(), exchanged["d1"]);
    }

    [Fact]
    public void Exchanged_LeavesTheGivenRosterAsItWas()
    {
        var roster = Roster();
        _ = SwapRules.Exchanged(roster, "d0", Ann, Bob, "d1");
        Assert.Equal(Ann.ToString(), roster["d0"]);
    }

    [Fact]
    public void Changes_Swap_ListsTheOfferedSlotFirst()
    {
        Assert.Equal([("d0", Bob), ("d1", Ann)], SwapRules.Changes("d0", Ann, Bob, "d1"));
        Assert.Equal([("d0", Bob)], SwapRules.Changes("d0", Ann, Bob, null));
    }

    [Theory]
    [InlineData(false, false, "approved")]
    [InlineData(true, false, "accepted")]
    [InlineData(false, true, "accepted")]
    [InlineData(true, true, "accepted")]
    public void AfterAccept_AnyApprovalNeeded_Waits(bool unitApprovesSwaps, bool periodRequiresApproval, string expected) =>
        Assert.Equal(expected, SwapRules.AfterAccept(unitApprovesSwaps, periodRequiresApproval).Code);
}
