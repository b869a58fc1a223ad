namespace Roster.Api.SpotChecks;

/// <summary>What the call found: on_post (reached on post), elsewhere (reached, not on post) or not_reached.</summary>
public sealed record SpotCheckOutcomeRequest(string? Outcome, string? Note);
