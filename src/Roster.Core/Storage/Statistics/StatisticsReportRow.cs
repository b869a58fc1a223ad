using NodaTime;
using Roster.Core.Statistics;

namespace Roster.Core.Storage.Statistics;

/// <summary>A confirmed monthly statistics report: the figures as confirmed (JSON), frozen.</summary>
public sealed class StatisticsReportRow
{
    public Guid UnitId { get; init; }

    /// <summary>The first day of the month.</summary>
    public LocalDate Month { get; init; }

    public StatisticsReportState State { get; init; } = StatisticsReportState.Confirmed;

    public string Snapshot { get; init; } = "";

    public Instant ConfirmedAt { get; init; }

    public Guid ConfirmedBy { get; init; }

    public int Version { get; init; }
}
