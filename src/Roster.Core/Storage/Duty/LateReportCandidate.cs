using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>A unit and day of a period with no daily report yet, and where to work out its deadline.</summary>
public sealed class LateReportCandidate
{
    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string TimeZone { get; init; } = "";

    public LocalTime DailyReportDue { get; init; }

    public LocalDate Day { get; init; }
}
