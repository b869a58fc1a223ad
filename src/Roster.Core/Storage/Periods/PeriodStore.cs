using Dapper;

namespace Roster.Core.Storage.Periods;

/// <summary>Critical periods and their shifts.</summary>
public static class PeriodStore
{
    private const string Columns = "id, unit_id, name, first_day, last_day, calendar_id, rules::text AS rules, daily_report_due, incident_ack_minutes, requires_approval, submission_due, roster_units, roster_unit_ids, roster_own_unit, version, created_at";

    public static Task<PeriodRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<PeriodRow>(work.Command(
            $"SELECT {Columns} FROM periods WHERE id = @id", new { id }, ct));

    /// <summary>Periods declared on any of <paramref name="units"/>, in id order after a cursor.</summary>
    public static async Task<IReadOnlyList<PeriodRow>> ListAsync(
        DbWork work, IReadOnlyCollection<Guid> units, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM periods
            WHERE unit_id = ANY(@units) AND (@after::uuid IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<PeriodRow>(work.Command(
            Sql, new { units = units.ToArray(), after, limit }, ct));
        return rows.AsList();
    }

    public static Task<PeriodRow> InsertAsync(DbWork work, PeriodRow period, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<PeriodRow>(work.Command($"""
            INSERT INTO periods (unit_id, name, first_day, last_day, calendar_id, rules, daily_report_due, incident_ack_minutes, requires_approval, submission_due,
                roster_units, roster_unit_ids, roster_own_unit, created_at)
            VALUES (@UnitId, @Name, @FirstDay, @LastDay, @CalendarId, @Rules::jsonb, @DailyReportDue, @IncidentAckMinutes,
                @RequiresApproval, @SubmissionDue, @RosterUnits, @RosterUnitIds, @RosterOwnUnit, @CreatedAt)
            RETURNING {Columns}
            """, period, ct));

    public static Task<PeriodRow?> UpdateAsync(DbWork work, PeriodRow period, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<PeriodRow>(work.Command($"""
            UPDATE periods SET name = @Name, first_day = @FirstDay, last_day = @LastDay, calendar_id = @CalendarId,
                rules = @Rules::jsonb, daily_report_due = @DailyReportDue, incident_ack_minutes = @IncidentAckMinutes,
                requires_approval = @RequiresApproval, submission_due = @SubmissionDue, roster_units = @RosterUnits,
                roster_unit_ids = @RosterUnitIds, roster_own_unit = @RosterOwnUnit, version = version + 1
            WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """, period, ct));

    public static async Task<bool> HasRostersAsync(DbWork work, Guid id, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<bool>(work.Command(
            "SELECT EXISTS (SELECT 1 FROM roster_versions WHERE period_id = @id)", new { id }, ct));

    public static Task<int> DeleteAsync(DbWork work, Guid id, int version, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM periods WHERE id = @id AND version = @version", new { id, version }, ct));

    /// <summary>Locks the period's row until the transaction ends (serialises changes that count its shifts).</summary>
    public static Task LockAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("SELECT 1 FROM periods WHERE id = @id FOR UPDATE", new { id }, ct));
}
