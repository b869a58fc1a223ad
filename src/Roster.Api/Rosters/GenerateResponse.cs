namespace Roster.Api.Rosters;

/// <summary>The jobs started: one, or one per unit of the subtree.</summary>
public sealed record GenerateResponse(IReadOnlyList<RosterJobResponse> Jobs);
