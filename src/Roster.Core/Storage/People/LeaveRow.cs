using NodaTime;
using Roster.Core.Leave;

namespace Roster.Core.Storage.People;

/// <summary>Leave or a day off; the range includes both <see cref="FirstDay"/> and <see cref="LastDay"/>.</summary>
public sealed class LeaveRow
{
    public Guid Id { get; init; }

    public Guid PersonId { get; init; }

    public LocalDate FirstDay { get; init; }

    public LocalDate LastDay { get; init; }

    /// <summary>leave, day_off or compensatory (补休, spends <see cref="Hours"/> of the compensatory balance).</summary>
    public string Kind { get; init; } = "";

    public LeaveStatus Status { get; init; } = LeaveStatus.Requested;

    public string? Reason { get; init; }

    /// <summary>Hours of compensatory time off a compensatory leave spends; null for other kinds.</summary>
    public decimal? Hours { get; init; }

    public int Version { get; init; }

    public Instant CreatedAt { get; init; }
}
