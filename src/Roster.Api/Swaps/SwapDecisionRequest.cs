namespace Roster.Api.Swaps;

/// <summary>An optional note with an approval, rejection or withdrawal.</summary>
/// <remarks>
/// Every swap action takes an optional JSON body: when some actions on a route shape take a body and others do not,
/// ASP.NET's content-type matching turns a body-less request to the former into a 404.
/// </remarks>
public sealed record SwapDecisionRequest(string? Note);
