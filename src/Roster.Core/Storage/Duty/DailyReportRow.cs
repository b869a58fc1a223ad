using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>A unit's report for one day of a period; "nothing to report" counts as a report.</summary>
public sealed class DailyReportRow
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public LocalDate Day { get; init; }

    public bool NothingToReport { get; init; }

    public string? Body { get; init; }

    public Guid FiledBy { get; init; }

    public Instant FiledAt { get; init; }

    public Instant DueAt { get; init; }

    public bool Late { get; init; }
}
