namespace Roster.Api.Rosters;

/// <summary>The jobs started: one unit job, or for a subtree the parent job followed by one unit job per unit.</summary>
public sealed record GenerateResponse(IReadOnlyList<RosterJobResponse> Jobs);
