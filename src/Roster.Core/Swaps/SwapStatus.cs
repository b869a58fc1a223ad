using System.Diagnostics.CodeAnalysis;

namespace Roster.Core.Swaps;

/// <summary>
/// Where a swap or give-away offer stands: offered → accepted → approved (applied), or rejected / cancelled.
/// <see cref="Text"/> is the one spelling the database and the wire use.
/// </summary>
public sealed class SwapStatus
{
    public static readonly SwapStatus Offered = new("offered");
    public static readonly SwapStatus Accepted = new("accepted");
    public static readonly SwapStatus Approved = new("approved");
    public static readonly SwapStatus Rejected = new("rejected");
    public static readonly SwapStatus Cancelled = new("cancelled");

    private SwapStatus(string text) => Text = text;

    /// <summary>Every status, in the order of the offer's life.</summary>
    public static IReadOnlyList<SwapStatus> All { get; } = [Offered, Accepted, Approved, Rejected, Cancelled];

    public string Text { get; }

    /// <summary>Still open: not yet applied, rejected or withdrawn, so the offerer may withdraw it.</summary>
    public bool IsOpen => this == Offered || this == Accepted;

    public static bool TryParse(string? text, [NotNullWhen(true)] out SwapStatus? status)
    {
        status = All.FirstOrDefault(s => s.Text == text);
        return status is not null;
    }

    public static SwapStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new FormatException($"'{text}' is not a swap status.");

    public override string ToString() => Text;
}
