using NodaTime;

namespace Roster.Core.Storage.Feeds;

/// <summary>A calendar-feed token as stored: its hash, whose feed it opens (one person or one unit), and whether it is revoked.</summary>
public sealed class CalendarTokenRow
{
    public Guid Id { get; init; }

    /// <summary>SHA-256 of the token; the token itself is shown once, when created, and never stored.</summary>
    public byte[] TokenHash { get; init; } = [];

    public Guid? PersonId { get; init; }

    public Guid? UnitId { get; init; }

    public string? Label { get; init; }

    public Guid? CreatedBy { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant? RevokedAt { get; init; }

    public Guid? RevokedBy { get; init; }

    /// <summary>The feed answers 404 from this instant on, unless renewed before.</summary>
    public Instant ExpiresAt { get; init; }
}
