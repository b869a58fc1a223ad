namespace Roster.Core.Notifications;

/// <summary>Why a notification was written.</summary>
public static class NotificationReasons
{
    public const string Reminder = "reminder";

    public const string Handover = "handover";

    public const string GapOpened = "gap_opened";

    /// <summary>A standby (备班) took over a slot of the published roster on their own (the unit's automatic step-in).</summary>
    public const string StandbySteppedIn = "standby_stepped_in";
}
