using Dapper;

namespace Roster.Core.Storage.Inspections;

/// <summary>Inspection requirements of periods.</summary>
public static class RequirementStore
{
    private const string Columns = """
        id, period_id, unit_id, kind, title, checklist::text AS checklist, min_count, window_first, window_last, patrol_shift,
        lead_days, created_at, created_by
        """;

    public static Task<RequirementRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<RequirementRow>(work.Command(
            $"SELECT {Columns} FROM inspection_requirements WHERE id = @id", new { id }, ct));

    /// <summary>Requirements of a period (all of them, or those that apply to <paramref name="unitId"/>), oldest first.</summary>
    public static async Task<IReadOnlyList<RequirementRow>> OfPeriodAsync(DbWork work, Guid? periodId, Guid? unitId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<RequirementRow>(work.Command($"""
            SELECT {Columns} FROM inspection_requirements
            WHERE (@periodId::uuid IS NULL OR period_id = @periodId) AND (@unitId::uuid IS NULL OR unit_id IS NULL OR unit_id = @unitId)
            ORDER BY created_at, id
            """, new { periodId, unitId }, ct));
        return rows.AsList();
    }

    public static Task<RequirementRow> InsertAsync(DbWork work, RequirementRow row, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<RequirementRow>(work.Command($"""
            INSERT INTO inspection_requirements
                (period_id, unit_id, kind, title, checklist, min_count, window_first, window_last, patrol_shift, lead_days, created_at, created_by)
            VALUES (@PeriodId, @UnitId, @Kind, @Title, @Checklist::jsonb, @MinCount, @WindowFirst, @WindowLast, @PatrolShift, @LeadDays,
                @CreatedAt, @CreatedBy)
            RETURNING {Columns}
            """, row, ct));
}
