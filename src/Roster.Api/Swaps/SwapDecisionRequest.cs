namespace Roster.Api.Swaps;

/// <summary>An optional note with an approval, rejection or withdrawal.</summary>
/// <remarks>
/// Every swap action takes an optional JSON body: when some actions on a route shape take a body and others do not,
/// ASP.NET's content-type matching turns a body-less request to the former into a 404.
/// </remarks>
/// <param name="Note">Why; required with <paramref name="Urgent"/>.</param>
/// <param name="Urgent">
/// Approving a swap in a period whose rosters the unit above approves: true applies it at once as an urgent change
/// (audited, the unit above is told); otherwise such a swap is refused and goes through the draft and a new approval.
/// </param>
public sealed record SwapDecisionRequest(string? Note, bool? Urgent = null);
