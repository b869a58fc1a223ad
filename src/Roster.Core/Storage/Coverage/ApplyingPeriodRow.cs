using NodaTime;

namespace Roster.Core.Storage.Coverage;

/// <summary>A period that applies to a unit (declared on it or above it).</summary>
public sealed class ApplyingPeriodRow
{
    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public LocalDate FirstDay { get; init; }

    public LocalDate LastDay { get; init; }

    public Guid CalendarId { get; init; }

    /// <summary>The unit's published roster versions in the period as <c>id:content_revision</c>, sorted (empty when none); read by coverage only.</summary>
    public string Versions { get; init; } = "";
}
