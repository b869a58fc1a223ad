namespace Roster.Api.Rosters;

/// <summary>Puts a ranked candidate into a slot of the published roster at once (one call).</summary>
/// <param name="SlotKey">The slot to fill.</param>
/// <param name="PersonId">One of the ranked candidates.</param>
/// <param name="Urgent">
/// In a period whose rosters the unit above approves, true makes the replacement at once as an urgent change (audited,
/// the unit above is told); without it such a change goes through the draft and a new approval.
/// </param>
/// <param name="Reason">Why; required with <paramref name="Urgent"/>.</param>
public sealed record ReplacementRequest(string? SlotKey, Guid? PersonId, bool? Urgent = null, string? Reason = null);
