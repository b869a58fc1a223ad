namespace Roster.Core.Gaps;

/// <summary>The kinds of coverage gap (空岗 / 缺岗).</summary>
public static class GapKinds
{
    /// <summary>A required slot of a published roster has nobody in it.</summary>
    public const string Unfilled = "unfilled";

    /// <summary>The assignee can no longer serve: leave approved after publishing, deactivated, or lost the role's qualification.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The assignee is on two overlapping duties (a forced edit across rosters).</summary>
    public const string Conflict = "conflict";

    /// <summary>Designed in for the check-in feature: nobody checked in within the window.</summary>
    public const string MissedCheckIn = "missed_check_in";

    /// <summary>Designed in for the daily report feature: the report is past its deadline.</summary>
    public const string LateReport = "late_report";

    /// <summary>The kinds <see cref="GapFinder"/> detects from a roster; the others are opened by their own features.</summary>
    public static readonly IReadOnlyList<string> FromRoster = [Unfilled, Unavailable, Conflict];

    public static readonly IReadOnlyList<string> All = [Unfilled, Unavailable, Conflict, MissedCheckIn, LateReport];
}
