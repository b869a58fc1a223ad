namespace Roster.Api.Statistics;

/// <summary>Coverage gaps (空岗 / 缺岗) that started in the range, open or resolved, by kind.</summary>
public sealed record GapCounts(int Unfilled, int Unavailable, int Conflict, int MissedCheckIn, int LateReport);
