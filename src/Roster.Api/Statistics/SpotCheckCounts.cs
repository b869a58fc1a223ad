namespace Roster.Api.Statistics;

/// <summary>People drawn in spot checks (抽查) in the range, by their latest outcome; pending: none recorded yet.</summary>
public sealed record SpotCheckCounts(int OnPost, int Elsewhere, int NotReached, int Pending);
