using NodaTime;

namespace Roster.Core.Storage.Notifications;

/// <summary>A notification to write to the outbox. Exactly one of the recipient fields is set, matching the channel.</summary>
/// <remarks>
/// SubjectKey says what it is about (a reminder and its due time, a gap id); with reason, channel and recipient it makes
/// the idempotency key. Address is the email address for the email channel; Data a JSON object for machine receivers;
/// DueAt when it should reach the recipient (lateness is measured from there).
/// </remarks>
public sealed record NotificationDraft(
    Guid UnitId,
    string Channel,
    string Reason,
    string SubjectKey,
    Guid? PersonId,
    Guid? AccountId,
    Guid? WebhookTargetId,
    string? Address,
    string Title,
    string Body,
    string Data,
    Instant DueAt)
{
    public string IdempotencyKey =>
        $"{Reason}:{SubjectKey}:{Channel}:{(object?)PersonId ?? (object?)AccountId ?? WebhookTargetId}";
}
