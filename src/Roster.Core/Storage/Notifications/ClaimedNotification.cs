using NodaTime;

namespace Roster.Core.Storage.Notifications;

/// <summary>A pending notification locked for delivery, with its webhook target when it has one.</summary>
public sealed class ClaimedNotification
{
    public long Id { get; init; }

    public string IdempotencyKey { get; init; } = "";

    public Guid UnitId { get; init; }

    public string Channel { get; init; } = "";

    public string Reason { get; init; } = "";

    public string? Address { get; init; }

    public string Title { get; init; } = "";

    public string Body { get; init; } = "";

    public string Data { get; init; } = "{}";

    public int Attempts { get; init; }

    public Instant DueAt { get; init; }

    public string? Url { get; init; }

    public string? Format { get; init; }

    public string? Secret { get; init; }

    public bool? TargetActive { get; init; }
}
