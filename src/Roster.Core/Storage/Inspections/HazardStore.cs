using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Inspections;

/// <summary>Hazards found by inspections, and their rectification.</summary>
public static class HazardStore
{
    private const string Columns = "id, task_id, unit_id, period_id, item, note, found_at, owner, due_at, closed_at, closed_by, closing_note";

    public static Task<HazardRow?> FindForUpdateAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<HazardRow>(work.Command(
            $"SELECT {Columns} FROM hazards WHERE id = @id FOR UPDATE", new { id }, ct));

    /// <summary>Hazards of the given units (and period when set), oldest first; only open ones unless <paramref name="all"/>.</summary>
    public static async Task<IReadOnlyList<HazardRow>> OfUnitsAsync(
        DbWork work, IReadOnlyCollection<Guid> units, Guid? periodId, bool all, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<HazardRow>(work.Command($"""
            SELECT {Columns} FROM hazards
            WHERE unit_id = ANY(@units) AND (@periodId::uuid IS NULL OR period_id = @periodId) AND (@all OR closed_at IS NULL)
            ORDER BY found_at, id
            """, new { units = units.ToArray(), periodId, all }, ct));
        return rows.AsList();
    }

    public static Task<HazardRow> InsertAsync(DbWork work, HazardRow row, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<HazardRow>(work.Command($"""
            INSERT INTO hazards (task_id, unit_id, period_id, item, note, found_at)
            VALUES (@TaskId, @UnitId, @PeriodId, @Item, @Note, @FoundAt)
            RETURNING {Columns}
            """, row, ct));

    public static Task<HazardRow> SetRectificationAsync(DbWork work, Guid id, string owner, Instant dueAt, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<HazardRow>(work.Command($"""
            UPDATE hazards SET owner = @owner, due_at = @dueAt WHERE id = @id RETURNING {Columns}
            """, new { id, owner, dueAt }, ct));

    /// <summary>Closes an open hazard; null when it was already closed.</summary>
    public static Task<HazardRow?> CloseAsync(DbWork work, Guid id, Instant at, Guid by, string? note, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<HazardRow>(work.Command($"""
            UPDATE hazards SET closed_at = @at, closed_by = @by, closing_note = @note
            WHERE id = @id AND closed_at IS NULL
            RETURNING {Columns}
            """, new { id, at, by, note }, ct));
}
