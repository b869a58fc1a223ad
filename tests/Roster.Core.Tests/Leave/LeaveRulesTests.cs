using NodaTime;
using Roster.Core.Leave;

namespace Roster.Core.Tests.Leave;

public sealed class LeaveRulesTests
{
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void MostCompensatoryHours_ThreeDays_IsThreeWorkingDays()
    {
        Assert.Equal(24m, LeaveRules.MostCompensatoryHours(new LocalDate(2026, 10, 12), new LocalDate(2026, 10, 14)));
    }

    [Fact]
    public void MostCompensatoryHours_LastBeforeFirst_IsOneWorkingDay()
    {
        Assert.Equal(8m, LeaveRules.MostCompensatoryHours(new LocalDate(2026, 10, 14), new LocalDate(2026, 10, 12)));
    }

    [Fact]
    public void ApprovesOwn_ApprovingOwnLeave_IsTrue()
    {
        Assert.True(LeaveRules.ApprovesOwn(LeaveStatus.Approved, Ann, Ann));
    }

    [Fact]
    public void ApprovesOwn_SomeoneElseOrNotApproving_IsFalse()
    {
        Assert.False(LeaveRules.ApprovesOwn(LeaveStatus.Approved, Bob, Ann));
        Assert.False(LeaveRules.ApprovesOwn(LeaveStatus.Rejected, Ann, Ann));
        Assert.False(LeaveRules.ApprovesOwn(LeaveStatus.Approved, null, Ann));
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, true, false)]
    public void RecordsAsGiven_OnlyAnAdministratorForSomeoneElse(bool administers, bool own, bool expected) =>
        Assert.Equal(expected, LeaveRules.RecordsAsGiven(administers, own));

    [Theory]
    [InlineData("sick", null, "sick")]
    [InlineData("sick", "ok", "sick | ok")]
    [InlineData(null, "ok", "ok")]
    [InlineData("", "ok", "ok")]
    public void WithNote_AppendsTheNoteAfterABar(string? reason, string? note, string? expected) =>
        Assert.Equal(expected, LeaveRules.WithNote(reason, note));
}
