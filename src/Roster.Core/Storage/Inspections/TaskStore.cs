using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Inspections;

/// <summary>Inspection tasks.</summary>
public static class TaskStore
{
    private const string Columns = """
        id, requirement_id, unit_id, period_id, slot_key, person_id, duty_date, starts_at, ends_at, state, results::text AS results,
        done_at, done_by, created_at
        """;

    public static Task<TaskRow?> FindForUpdateAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<TaskRow>(work.Command(
            $"SELECT {Columns} FROM inspection_tasks WHERE id = @id FOR UPDATE", new { id }, ct));

    /// <summary>Tasks of a unit in a period, by time.</summary>
    public static async Task<IReadOnlyList<TaskRow>> OfUnitAsync(DbWork work, Guid periodId, Guid unitId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<TaskRow>(work.Command(
            $"SELECT {Columns} FROM inspection_tasks WHERE period_id = @periodId AND unit_id = @unitId ORDER BY starts_at, slot_key, id",
            new { periodId, unitId }, ct));
        return rows.AsList();
    }

    public static Task<TaskRow> InsertAsync(DbWork work, TaskRow row, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<TaskRow>(work.Command($"""
            INSERT INTO inspection_tasks (requirement_id, unit_id, period_id, slot_key, person_id, duty_date, starts_at, ends_at, created_at)
            VALUES (@RequirementId, @UnitId, @PeriodId, @SlotKey, @PersonId, @DutyDate, @StartsAt, @EndsAt, @CreatedAt)
            RETURNING {Columns}
            """, row, ct));

    /// <summary>Records the results of an open task; null when it was already done.</summary>
    public static Task<TaskRow?> CompleteAsync(DbWork work, Guid id, string results, Instant at, Guid by, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<TaskRow>(work.Command($"""
            UPDATE inspection_tasks SET state = 'done', results = @results::jsonb, done_at = @at, done_by = @by
            WHERE id = @id AND state = 'open'
            RETURNING {Columns}
            """, new { id, results, at, by }, ct));

    /// <summary>Per requirement and unit of the given units: tasks scheduled and done.</summary>
    public static async Task<IReadOnlyList<TaskCount>> CountsAsync(DbWork work, IReadOnlyCollection<Guid> units, Guid? periodId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<TaskCount>(work.Command("""
            SELECT requirement_id, unit_id, count(*) AS scheduled, count(*) FILTER (WHERE state = 'done') AS done
            FROM inspection_tasks
            WHERE unit_id = ANY(@units) AND (@periodId::uuid IS NULL OR period_id = @periodId)
            GROUP BY requirement_id, unit_id
            """, new { units = units.ToArray(), periodId }, ct));
        return rows.AsList();
    }
}
