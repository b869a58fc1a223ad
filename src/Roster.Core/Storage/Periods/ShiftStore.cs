using Dapper;

namespace Roster.Core.Storage.Periods;

/// <summary>The shifts of a period.</summary>
public static class ShiftStore
{
    private const string Columns = "id, period_id, code, name, name_en, day_types, starts_at, length, headcount::text AS headcount, presence::text AS presence, standby::text AS standby, version, created_at";

    public static Task<ShiftRow?> FindAsync(DbWork work, Guid periodId, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<ShiftRow>(work.Command(
            $"SELECT {Columns} FROM shifts WHERE id = @id AND period_id = @periodId", new { id, periodId }, ct));

    /// <summary>The shifts of several periods at once.</summary>
    public static async Task<IReadOnlyList<ShiftRow>> OfPeriodsAsync(DbWork work, IReadOnlyCollection<Guid> periodIds, CancellationToken ct) =>
        (await work.Connection.QueryAsync<ShiftRow>(work.Command(
            $"SELECT {Columns} FROM shifts WHERE period_id = ANY(@ids) ORDER BY period_id, code", new { ids = periodIds.ToArray() }, ct))).AsList();

    public static async Task<IReadOnlyList<ShiftRow>> ListAsync(
        DbWork work, Guid periodId, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM shifts
            WHERE period_id = @periodId AND (@after::uuid IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<ShiftRow>(work.Command(
            Sql, new { periodId, after, limit }, ct));
        return rows.AsList();
    }

    public static async Task<IReadOnlyList<ShiftRow>> AllAsync(DbWork work, Guid periodId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<ShiftRow>(work.Command(
            $"SELECT {Columns} FROM shifts WHERE period_id = @periodId ORDER BY starts_at, code", new { periodId }, ct));
        return rows.AsList();
    }

    public static Task<ShiftRow> InsertAsync(DbWork work, ShiftRow shift, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<ShiftRow>(work.Command($"""
            INSERT INTO shifts (period_id, code, name, name_en, day_types, starts_at, length, headcount, presence, standby, created_at)
            VALUES (@PeriodId, @Code, @Name, @NameEn, @DayTypes, @StartsAt, @Length, @Headcount::jsonb, @Presence::jsonb, @Standby::jsonb, @CreatedAt)
            RETURNING {Columns}
            """, shift, ct));

    public static Task<ShiftRow?> UpdateAsync(DbWork work, ShiftRow shift, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<ShiftRow>(work.Command($"""
            UPDATE shifts SET code = @Code, name = @Name, name_en = @NameEn, day_types = @DayTypes, starts_at = @StartsAt,
                length = @Length, headcount = @Headcount::jsonb, presence = @Presence::jsonb, standby = @Standby::jsonb, version = version + 1
            WHERE id = @Id AND period_id = @PeriodId AND version = @Version
            RETURNING {Columns}
            """, shift, ct));

    public static Task<int> DeleteAsync(DbWork work, Guid periodId, Guid id, int version, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM shifts WHERE id = @id AND period_id = @periodId AND version = @version", new { id, periodId, version }, ct));
}
