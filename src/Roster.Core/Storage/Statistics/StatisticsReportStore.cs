using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Statistics;

/// <summary>Confirmed monthly statistics reports. A month without a row is still a draft.</summary>
public static class StatisticsReportStore
{
    private const string Columns = "unit_id, month, state, snapshot::text AS snapshot, confirmed_at, confirmed_by, version";

    public static Task<StatisticsReportRow?> FindAsync(DbWork work, Guid unitId, LocalDate month, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<StatisticsReportRow>(work.Command(
            $"SELECT {Columns} FROM statistics_reports WHERE unit_id = @unitId AND month = @month", new { unitId, month }, ct));

    /// <summary>Freezes the month; null when it was confirmed meanwhile.</summary>
    public static Task<StatisticsReportRow?> ConfirmAsync(
        DbWork work, Guid unitId, LocalDate month, string snapshot, Instant at, Guid by, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<StatisticsReportRow>(work.Command($"""
            INSERT INTO statistics_reports (unit_id, month, state, snapshot, confirmed_at, confirmed_by)
            VALUES (@unitId, @month, 'confirmed', @snapshot::jsonb, @at, @by)
            ON CONFLICT (unit_id, month) DO NOTHING
            RETURNING {Columns}
            """, new { unitId, month, snapshot, at, by }, ct));
}
