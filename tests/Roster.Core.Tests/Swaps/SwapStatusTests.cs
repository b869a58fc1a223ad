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
        Assert.All(SwapStatus.All, s => Assert.Same(s, SwapStatus.Parse(s.Code)));
    }

    [Fact]
    public void TryParse_OtherSpelling_Fails()
    {
        Assert.False(SwapStatus.TryParse("Offered", out _));
        Assert.False(SwapStatus.TryParse(null, out _));
        Assert.Throws<FormatException>(() => SwapStatus.Parse("pending"));
    }

    [Fact]
    public void IsOpen_OnlyOfferedAndAccepted()
    {
        Assert.Equal([SwapStatus.Offered, SwapStatus.Accepted], SwapStatus.All.Where(s => s.IsOpen));
    }
}
