namespace Roster.Api.Swaps;

/// <summary>
/// Accepts an offer. For a swap, <c>counterSlotKey</c> is the acceptor's duty that the offerer takes in return.
/// An admin may accept on someone's behalf with <c>personId</c>.
/// </summary>
public sealed record SwapAcceptRequest(string? CounterSlotKey, Guid? PersonId);
