using NodaTime;

namespace Roster.Core.Storage.Rosters;

/// <summary>A person in a slot of a roster version; the slot time is half-open [StartsAt, EndsAt).</summary>
public sealed class AssignmentRow
{
    public Guid Id { get; init; }

    public Guid RosterVersionId { get; init; }

    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string Role { get; init; } = "";

    public LocalDate DutyDate { get; init; }

    public Guid PersonId { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }

    /// <summary>generated, manual or swap.</summary>
    public string Source { get; init; } = "generated";

    public bool Pinned { get; init; }

    public bool Forced { get; init; }

    public string? ForceReason { get; init; }
}
