using Roster.Core.Model;

namespace Roster.Core.Statistics;

/// <summary>
/// Where a unit's monthly statistics report stands: a draft, computed on read, until the unit's administrator confirms
/// it (only confirmed reports are stored).
/// </summary>
public sealed class StatisticsReportState : IState<StatisticsReportState>
{
    public static readonly StatisticsReportState Draft = new("draft");

    public static readonly StatisticsReportState Confirmed = new("confirmed");

    private StatisticsReportState(string code) => Code = code;

    public static IReadOnlyList<StatisticsReportState> All { get; } = [Draft, Confirmed];

    public string Code { get; }

    public override string ToString() => Code;
}
