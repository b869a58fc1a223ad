using Roster.Core.Model;

namespace Roster.Core.Oversight;

/// <summary>The state a unit's roster shows on its parent's submission board.</summary>
public sealed class SubmissionBoardState : IState<SubmissionBoardState>
{
    public static readonly SubmissionBoardState NotStarted = new("not_started");

    public static readonly SubmissionBoardState Draft = new("draft");

    public static readonly SubmissionBoardState Submitted = new("submitted");

    public static readonly SubmissionBoardState Returned = new("returned");

    public static readonly SubmissionBoardState Approved = new("approved");

    private SubmissionBoardState(string code) => Code = code;

    public static IReadOnlyList<SubmissionBoardState> All { get; } = [NotStarted, Draft, Submitted, Returned, Approved];

    public string Code { get; }

    /// <summary>
    /// From the latest submission's state (null when none) and whether a draft exists: an approved roster edited again
    /// is back to draft until it is resubmitted; a returned one stays returned while it is being fixed.
    /// </summary>
    public static SubmissionBoardState Of(SubmissionState? latestSubmission, bool hasDraft)
    {
        if (latestSubmission == SubmissionState.Submitted)
        {
            return Submitted;
        }

        if (latestSubmission == SubmissionState.Returned)
        {
            return Returned;
        }

        if (latestSubmission == SubmissionState.Approved)
        {
            return hasDraft ? Draft : Approved;
        }

        return hasDraft ? Draft : NotStarted;
    }

    public override string ToString() => Code;
}
