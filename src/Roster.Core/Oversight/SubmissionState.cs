using Roster.Core.Model;

namespace Roster.Core.Oversight;

/// <summary>
/// Where one submission of a unit's draft to the unit above (报备) stands: submitted, then returned or approved, or
/// withdrawn when the unit submits a changed draft in its place before a decision.
/// </summary>
public sealed class SubmissionState : IState<SubmissionState>
{
    public static readonly SubmissionState Submitted = new("submitted");

    public static readonly SubmissionState Returned = new("returned");

    public static readonly SubmissionState Approved = new("approved");

    public static readonly SubmissionState Withdrawn = new("withdrawn");

    private SubmissionState(string code) => Code = code;

    public static IReadOnlyList<SubmissionState> All { get; } = [Submitted, Returned, Approved, Withdrawn];

    public string Code { get; }

    public override string ToString() => Code;
}
