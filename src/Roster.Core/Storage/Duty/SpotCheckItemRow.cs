using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>One person drawn in a spot check, and what the supervisor found.</summary>
public sealed class SpotCheckItemRow
{
    public Guid Id { get; init; }

    public Guid SpotCheckId { get; init; }

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string SlotKey { get; init; } = "";

    public Guid PersonId { get; init; }

    public string? Phone { get; init; }

    /// <summary>on_post, elsewhere, not_reached, or null while not yet recorded.</summary>
    public string? Outcome { get; init; }

    public string? Note { get; init; }

    public Instant? RecordedAt { get; init; }

    public Guid? RecordedBy { get; init; }
}
