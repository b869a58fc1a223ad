using NodaTime;

namespace Roster.Core.Storage.Rosters;

/// <summary>A person standing by (备班) for a shift and role of a roster version; the time is half-open [StartsAt, EndsAt).</summary>
public sealed class StandbyRow
{
    public Guid Id { get; init; }

    public Guid RosterVersionId { get; init; }

    /// <summary>date/shift/role/index, unique among the version's standbys.</summary>
    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string Role { get; init; } = "";

    public LocalDate DutyDate { get; init; }

    public Guid PersonId { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    /// <summary>generated or manual.</summary>
    public string Source { get; init; } = "generated";

    /// <summary>When this standby stepped into a duty slot (<see cref="SteppedInSlot"/>); null while standing by.</summary>
    public Instant? SteppedInAt { get; init; }

    public string? SteppedInSlot { get; init; }

    /// <summary>The unit of the version (filled by queries across versions).</summary>
    public Guid UnitId { get; init; }

    /// <summary>The period of the version (filled by queries across versions).</summary>
    public Guid PeriodId { get; init; }
}
