using Roster.Core.Model;
using Roster.Core.Swaps;

namespace Roster.Core.Tests.Swaps;

public sealed class SwapStatusTests
{
    [Fact]
    public void Text_IsTheDatabaseSpelling()
    {
        Assert.Equal(["offered", "accepted", "approved", "rejected", "cancelled"], SwapStatus.All.Select(s => s.Code));
    }

    [Fact]
    public void Parse_ItsOwnText_ReturnsTheSameInstance()
    {
        Assert.All(SwapStatus.All, s => Assert.Same(s, StateCodes.Parse<SwapStatus>(s.Code)));
    }

    [Fact]
    public void Find_OtherSpelling_Fails()
    {
        Assert.Null(StateCodes.Find<SwapStatus>("Offered"));
        Assert.Null(StateCodes.Find<SwapStatus>(null));
        Assert.Throws<FormatException>(() => StateCodes.Parse<SwapStatus>("pending"));
    }

    [Fact]
    public void IsOpen_OnlyOfferedAndAccepted()
    {
        Assert.Equal([SwapStatus.Offered, SwapStatus.Accepted], SwapStatus.All.Where(s => s.IsOpen));
    }
}
