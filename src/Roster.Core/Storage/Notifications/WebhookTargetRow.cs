using NodaTime;

namespace Roster.Core.Storage.Notifications;

/// <summary>A unit's webhook target as stored. <see cref="Secret"/> signs the body; it is never shown again after creation.</summary>
public sealed class WebhookTargetRow
{
    internal const string Columns = "id, unit_id, name, format, url, secret, active, created_at";

    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public string Name { get; init; } = "";

    public string Format { get; init; } = "";

    public string Url { get; init; } = "";

    public string? Secret { get; init; }

    public bool Active { get; init; }

    public Instant CreatedAt { get; init; }
}
