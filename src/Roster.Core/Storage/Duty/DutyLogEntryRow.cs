using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>An entry of the duty log: a plain entry, an incident, a follow-up to an incident, or a correction.</summary>
public sealed class DutyLogEntryRow
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string? SlotKey { get; init; }

    /// <summary>entry, incident, follow_up or correction.</summary>
    public string Kind { get; init; } = "entry";

    public string? Category { get; init; }

    /// <summary>low, medium, high or critical (incidents).</summary>
    public string? Severity { get; init; }

    public string Body { get; init; } = "";

    public string? ActionsTaken { get; init; }

    /// <summary>The incident a follow-up belongs to.</summary>
    public Guid? IncidentId { get; init; }

    /// <summary>The entry a correction corrects.</summary>
    public Guid? CorrectsId { get; init; }

    public Guid AuthorId { get; init; }

    public Guid? PersonId { get; init; }

    public Instant CreatedAt { get; init; }

    /// <summary>For incidents: by when a supervisor must acknowledge it.</summary>
    public Instant? AckDueAt { get; init; }

    public Guid? AcknowledgedBy { get; init; }

    public Instant? AcknowledgedAt { get; init; }

    public bool? AckLate { get; init; }
}
