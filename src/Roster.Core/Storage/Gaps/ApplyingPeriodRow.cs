using NodaTime;

namespace Roster.Core.Storage.Gaps;

/// <summary>A period that applies to a unit (declared on it or above it).</summary>
public sealed class ApplyingPeriodRow
{
    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public LocalDate FirstDay { get; init; }

    public LocalDate LastDay { get; init; }

    public Guid CalendarId { get; init; }
}
