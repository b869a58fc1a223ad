using Roster.Core.Leave;

namespace Roster.Core.Tests.Leave;

public sealed class LeaveStatusTests
{
    [Fact]
    public void Text_IsTheDatabaseSpelling()
    {
        Assert.Equal(["requested", "approved", "rejected", "cancelled"], LeaveStatus.All.Select(s => s.Code));
    }

    [Fact]
    public void Parse_ItsOwnText_ReturnsTheSameInstance()
    {
        Assert.All(LeaveStatus.All, s => Assert.Same(s, LeaveStatus.Parse(s.Code)));
    }

    [Fact]
    public void TryParse_UnknownSpelling_Fails()
    {
        Assert.False(LeaveStatus.TryParse("pending", out _));
        Assert.Throws<FormatException>(() => LeaveStatus.Parse("APPROVED"));
    }

    [Fact]
    public void IsLive_OnlyRequestedAndApproved()
    {
        Assert.Equal([LeaveStatus.Requested, LeaveStatus.Approved], LeaveStatus.All.Where(s => s.IsLive));
    }
}
