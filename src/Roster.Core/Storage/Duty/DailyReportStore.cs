using Dapper;

namespace Roster.Core.Storage.Duty;

/// <summary>Daily reports.</summary>
public static class DailyReportStore
{
    private const string Columns = "id, unit_id, period_id, day, nothing_to_report, body, filed_by, filed_at, due_at, late";

    public static Task<DailyReportRow> InsertAsync(DbWork work, DailyReportRow row, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<DailyReportRow>(work.Command($"""
            INSERT INTO daily_reports (unit_id, period_id, day, nothing_to_report, body, filed_by, filed_at, due_at, late)
            VALUES (@UnitId, @PeriodId, @Day, @NothingToReport, @Body, @FiledBy, @FiledAt, @DueAt, @Late)
            RETURNING {Columns}
            """, row, ct));

    public static async Task<IReadOnlyList<DailyReportRow>> OfUnitAsync(DbWork work, Guid unitId, Guid periodId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<DailyReportRow>(work.Command(
            $"SELECT {Columns} FROM daily_reports WHERE unit_id = @unitId AND period_id = @periodId ORDER BY day",
            new { unitId, periodId }, ct));
        return rows.AsList();
    }
}
