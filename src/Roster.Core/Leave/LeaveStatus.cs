using Roster.Core.Model;

namespace Roster.Core.Leave;

/// <summary>
/// Where a leave stands: requested (waits for an administrator), approved, rejected or cancelled.
/// <see cref="Code"/> is the one spelling the database and the wire use.
/// </summary>
public sealed class LeaveStatus : IState<LeaveStatus>
{
    public static readonly LeaveStatus Requested = new("requested");
    public static readonly LeaveStatus Approved = new("approved");
    public static readonly LeaveStatus Rejected = new("rejected");
    public static readonly LeaveStatus Cancelled = new("cancelled");

    private LeaveStatus(string code) => Code = code;

    public static IReadOnlyList<LeaveStatus> All { get; } = [Requested, Approved, Rejected, Cancelled];

    public string Code { get; }

    /// <summary>Requested or approved: the leave holds (or may hold) the person's time, and spends compensatory hours.</summary>
    public bool IsLive => this == Requested || this == Approved;

    public override string ToString() => Code;
}
