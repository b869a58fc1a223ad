namespace Roster.Api.Statistics;

/// <summary>What a confirmed month stores: the per-person figures as confirmed.</summary>
internal sealed record ReportSnapshot(IReadOnlyList<PersonStatisticsResponse> People);
