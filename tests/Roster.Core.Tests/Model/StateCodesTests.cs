using Roster.Core.Model;
using Roster.Core.Oversight;
using Roster.Core.Statistics;

namespace Roster.Core.Tests.Model;

public sealed class StateCodesTests
{
    [Fact]
    public void Parse_EveryCodeOfEveryStateType_GivesBackThatState()
    {
        AssertRoundTrips<RosterStatus>();
        AssertRoundTrips<RosterJobStatus>();
        AssertRoundTrips<SubmissionState>();
        AssertRoundTrips<SubmissionBoardState>();
        AssertRoundTrips<StatisticsReportState>();
    }

    [Fact]
    public void Parse_ACodeOutsideTheSet_Throws()
    {
        Assert.Throws<FormatException>(() => StateCodes.Parse<RosterStatus>("Published"));
        Assert.Null(StateCodes.Find<SubmissionState>(null));
    }

    [Fact]
    public void All_RosterStatus_IsTheStoredSpellingsInDocumentOrder() =>
        Assert.Equal(["draft", "published", "superseded"], StateCodes.All<RosterStatus>());

    private static void AssertRoundTrips<T>()
        where T : class, IState<T>
    {
        Assert.Equal(T.All.Count, T.All.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(T.All, s => Assert.Same(s, StateCodes.Parse<T>(s.Code)));
        Assert.All(T.All, s => Assert.Equal(s.Code, s.ToString()));
    }
}
