using NodaTime;

namespace Roster.Core.Storage.Notifications;

/// <summary>A notification as the delivery log shows it, with its attempts as JSON.</summary>
public sealed class DeliveryRow
{
    public long Id { get; init; }

    public Guid UnitId { get; init; }

    public string Channel { get; init; } = "";

    public string Reason { get; init; } = "";

    public string IdempotencyKey { get; init; } = "";

    public string? Recipient { get; init; }

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public Instant DueAt { get; init; }

    public Instant? SentAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>JSON array of {attempt, at, succeeded, detail, instance}.</summary>
    public string AttemptLog { get; init; } = "[]";
}
