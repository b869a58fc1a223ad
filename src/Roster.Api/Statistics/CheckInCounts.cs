namespace Roster.Api.Statistics;

/// <summary>Check-ins (签到) of the duties: on time, late, and missed (a missed check-in gap with no check-in since).</summary>
public sealed record CheckInCounts(int OnTime, int Late, int Missed);
