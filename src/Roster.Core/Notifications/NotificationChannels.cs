namespace Roster.Core.Notifications;

/// <summary>Where a notification goes.</summary>
public static class NotificationChannels
{
    /// <summary>The in-app inbox; delivered the moment the row exists.</summary>
    public const string Inbox = "inbox";

    /// <summary>Email over SMTP.</summary>
    public const string Email = "email";

    /// <summary>A unit's webhook target (generic JSON or a group robot).</summary>
    public const string Webhook = "webhook";

    /// <summary>The channels a person can choose (webhooks belong to units, not people).</summary>
    public static readonly IReadOnlyList<string> Personal = [Inbox, Email];
}
