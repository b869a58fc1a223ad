namespace Roster.Api.Coverage;

/// <summary>Coverage of the units of a subtree per duty date.</summary>
public sealed record CoverageResponse(IReadOnlyList<CoverageDayResponse> Items);
