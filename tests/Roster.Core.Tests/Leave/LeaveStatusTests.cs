using Roster.Core.Leave;
using Roster.Core.Model;

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
        Assert.All(LeaveStatus.All, s => Assert.Same(s, StateCodes.Parse<LeaveStatus>(s.Code)));
    }

    [Fact]
    public void Find_UnknownSpelling_Fails()
    {
        Assert.Null(StateCodes.Find<LeaveStatus>("pending"));
        Assert.Throws<FormatException>(() => StateCodes.Parse<LeaveStatus>("APPROVED"));
    }

    [Fact]
    public void IsLive_OnlyRequestedAndApproved()
    {
        Assert.Equal([LeaveStatus.Requested, LeaveStatus.Approved], LeaveStatus.All.Where(s => s.IsLive));
    }
}
