namespace Roster.Api.Statistics;

/// <summary>Duties by day type, by the period's holiday calendar: 工作日, 周末, 节假日, 调休上班日.</summary>
public sealed record DayTypeCounts(int Workday, int Weekend, int Holiday, int MakeUpWorkday);
