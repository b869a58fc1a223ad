using NodaTime;

namespace Roster.Core.Storage.Notifications;

/// <summary>A message in someone's in-app inbox.</summary>
public sealed class InboxRow
{
    public long Id { get; init; }

    public Guid UnitId { get; init; }

    public string Reason { get; init; } = "";

    public string Title { get; init; } = "";

    public string Body { get; init; } = "";

    public string Data { get; init; } = "{}";

    public Instant CreatedAt { get; init; }

    public Instant? ReadAt { get; init; }
}
