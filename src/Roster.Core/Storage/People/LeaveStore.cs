using Dapper;
using NodaTime;

namespace Roster.Core.Storage.People;

/// <summary>Leave and days off of people.</summary>
public static class LeaveStore
{
    private const string Columns = "id, person_id, first_day, last_day, kind, status, reason, hours, version, created_at";

    public static Task<LeaveRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<LeaveRow>(work.Command(
            $"SELECT {Columns} FROM leaves WHERE id = @id", new { id }, ct));

    public static async Task<IReadOnlyList<LeaveRow>> ListAsync(
        DbWork work, Guid personId, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM leaves
            WHERE person_id = @personId AND (@after::uuid IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<LeaveRow>(work.Command(
            Sql, new { personId, after, limit }, ct));
        return rows.AsList();
    }

    /// <summary>Approved leave and days off of a unit's people that touch the inclusive date range.</summary>
    public static async Task<IReadOnlyList<LeaveRow>> ApprovedForUnitAsync(
        DbWork work, Guid unitId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        const string Sql = """
            SELECT l.id, l.person_id, l.first_day, l.last_day, l.kind, l.status, l.reason, l.hours, l.version, l.created_at
            FROM leaves l JOIN people p ON p.id = l.person_id
            WHERE p.unit_id = @unitId AND l.status = 'approved' AND l.first_day <= @to AND l.last_day >= @from
            ORDER BY l.person_id, l.first_day
            """;
        var rows = await work.Connection.QueryAsync<LeaveRow>(work.Command(
            Sql, new { unitId, from, to }, ct));
        return rows.AsList();
    }

    public static Task<LeaveRow> InsertAsync(DbWork work, LeaveRow leave, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<LeaveRow>(work.Command($"""
            INSERT INTO leaves (person_id, first_day, last_day, kind, status, reason, hours, created_at)
            VALUES (@PersonId, @FirstDay, @LastDay, @Kind, @Status, @Reason, @Hours, @CreatedAt)
            RETURNING {Columns}
            """, leave, ct));

    public static Task<LeaveRow?> UpdateAsync(DbWork work, LeaveRow leave, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<LeaveRow>(work.Command($"""
            UPDATE leaves SET first_day = @FirstDay, last_day = @LastDay, kind = @Kind, status = @Status,
                reason = @Reason, hours = @Hours, version = version + 1
            WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """, leave, ct));

    public static Task<int> DeleteAsync(DbWork work, Guid id, int version, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM leaves WHERE id = @id AND version = @version", new { id, version }, ct));
}
