namespace Roster.Api.Submissions;

/// <summary>Submits the unit's draft roster to the unit above for approval (报备), with an optional note.</summary>
public sealed record SubmitRequest(string? Note);
