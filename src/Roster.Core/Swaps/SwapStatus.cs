using Roster.Core.Model;

namespace Roster.Core.Swaps;

/// <summary>
/// Where a swap or give-away offer stands: offered → accepted → approved (applied), or rejected / cancelled.
/// <see cref="Code"/> is the one spelling the database and the wire use.
/// </summary>
public sealed class SwapStatus : IState<SwapStatus>
{
    public static readonly SwapStatus Offered = new("offered");
    public static readonly SwapStatus Accepted = new("accepted");
    public static readonly SwapStatus Approved = new("approved");
    public static readonly SwapStatus Rejected = new("rejected");
    public static readonly SwapStatus Cancelled = new("cancelled");

    private SwapStatus(string code) => Code = code;

    /// <summary>Every status, in the order of the offer's life.</summary>
    public static IReadOnlyList<SwapStatus> All { get; } = [Offered, Accepted, Approved, Rejected, Cancelled];

    public string Code { get; }

    /// <summary>Still open: not yet applied, rejected or withdrawn, so the offerer may withdraw it.</summary>
    public bool IsOpen => this == Offered || this == Accepted;

    public override string ToString() => Code;
}
