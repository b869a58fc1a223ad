namespace Roster.Core.Oversight;

/// <summary>The state a unit's roster shows on its parent's submission board.</summary>
public static class SubmissionStates
{
    public const string NotStarted = "not_started";
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";

    /// <summary>
    /// From the latest submission's state (null when none) and whether a draft exists: an approved roster edited again
    /// is back to draft until it is resubmitted; a returned one stays returned while it is being fixed.
    /// </summary>
    public static string Of(string? latestSubmission, bool hasDraft) => latestSubmission switch
    {
        Submitted => Submitted,
        Returned => Returned,
        Approved => hasDraft ? Draft : Approved,
        _ => hasDraft ? Draft : NotStarted,
    };
}
