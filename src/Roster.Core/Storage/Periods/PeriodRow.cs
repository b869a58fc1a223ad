using NodaTime;

namespace Roster.Core.Storage.Periods;

/// <summary>A critical period; <see cref="FirstDay"/> and <see cref="LastDay"/> are both included.</summary>
public sealed class PeriodRow
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public string Name { get; init; } = "";

    public LocalDate FirstDay { get; init; }

    public LocalDate LastDay { get; init; }

    public Guid CalendarId { get; init; }

    /// <summary>A JSON array of rule objects.</summary>
    public string Rules { get; init; } = "[]";

    public int Version { get; init; }

    public Instant CreatedAt { get; init; }
}
