namespace Roster.Api.Statistics;

/// <summary>Daily reports (日报) of the range's days: filed, and of those filed after the deadline (迟报).</summary>
public sealed record ReportCounts(int Filed, int Late);
