namespace Roster.Api.Swaps;

/// <summary>
/// Offers one of my published duties: <c>kind</c> giveaway (someone takes it) or swap (they give me one of theirs).
/// <c>toPersonId</c> addresses one colleague; without it any qualified colleague may accept. An admin may offer on
/// someone's behalf.
/// </summary>
public sealed record SwapOfferRequest(string? SlotKey, string? Kind, Guid? ToPersonId, string? Note);
