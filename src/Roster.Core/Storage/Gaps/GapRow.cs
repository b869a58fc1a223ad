using NodaTime;

namespace Roster.Core.Storage.Gaps;

/// <summary>A gap as stored. Open while <see cref="ResolvedAt"/> is null. [StartsAt, EndsAt) is half-open.</summary>
public sealed class GapRow
{
    internal const string Columns =
        "id, unit_id, period_id, kind, gap_key, slot_key, role, person_id, starts_at, ends_at, detail, first_seen_at, resolved_at";

    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public Guid? PeriodId { get; init; }

    public string Kind { get; init; } = "";

    public string GapKey { get; init; } = "";

    public string? SlotKey { get; init; }

    public string? Role { get; init; }

    public Guid? PersonId { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    public string Detail { get; init; } = "";

    public Instant FirstSeenAt { get; init; }

    public Instant? ResolvedAt { get; init; }
}
