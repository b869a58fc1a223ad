using NodaTime;
using Roster.Core.Model;
using Roster.Core.Oversight;

namespace Roster.Core.Tests.Oversight;

public sealed class OversightRulesTests
{
    [Theory]
    [InlineData(null, false, "not_started")]
    [InlineData(null, true, "draft")]
    [InlineData("submitted", true, "submitted")]
    [InlineData("returned", true, "returned")]
    [InlineData("approved", false, "approved")]
    [InlineData("approved", true, "draft")]
    public void SubmissionState_FromLatestSubmissionAndDraft_IsTheBoardState(string? latest, bool hasDraft, string expected) =>
        Assert.Equal(expected, SubmissionBoardState.Of(latest is null ? null : StateCodes.Parse<SubmissionState>(latest), hasDraft).Code);

    [Fact]
    public void FlagFrom_LeadTwoDays_IsTheStartOfTheDayBeforeTheLastInTheUnitsZone()
    {
        var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Assert.Equal(Instant.FromUtc(2026, 10, 22, 16, 0), InspectionProgress.FlagFrom(new LocalDate(2026, 10, 24), 2, shanghai));
    }

    [Fact]
    public void Required_ForAPatrol_IsEveryScheduledPatrolButAtLeastTheMinimum()
    {
        Assert.Equal(5, InspectionProgress.Required(2, patrol: true, scheduled: 5));
        Assert.Equal(2, InspectionProgress.Required(2, patrol: false, scheduled: 5));
        Assert.False(InspectionProgress.IsBehind(2, 2, Instant.MaxValue, Instant.MinValue));
    }

    [Fact]
    public void Presence_UnlistedOrUnknownRole_IsOnSite()
    {
        var lookup = DutyPresence.Lookup([("N", """{"staff":"reachable"}"""), ("D", "{}")]);
        Assert.Equal(DutyPresence.Reachable, lookup("N", "staff"));
        Assert.Equal(DutyPresence.OnSite, lookup("N", "leader"));
        Assert.Equal(DutyPresence.OnSite, lookup("D", "staff"));
        Assert.Equal(DutyPresence.OnSite, lookup("X", "staff"));
    }
}
