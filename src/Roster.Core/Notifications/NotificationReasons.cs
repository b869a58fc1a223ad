namespace Roster.Core.Notifications;

/// <summary>Why a notification was written.</summary>
public static class NotificationReasons
{
    public const string Reminder = "reminder";

    public const string Handover = "handover";

    public const string GapOpened = "gap_opened";
}
