namespace Roster.Api.Statistics;

/// <summary>A figure of a confirmed month that has changed since (更正): the value as confirmed and as it is now.</summary>
public sealed record StatisticsCorrection(Guid PersonId, string Name, string Field, decimal Confirmed, decimal Current);
