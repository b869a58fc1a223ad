namespace Roster.Api.People;

/// <summary>A person's compensatory time off (补休) in hours: earned by duties served, taken by compensatory leave requested
/// or approved, and what is still available to request.</summary>
public sealed record CompensatoryBalanceResponse(Guid PersonId, decimal Earned, decimal Taken, decimal Available);
