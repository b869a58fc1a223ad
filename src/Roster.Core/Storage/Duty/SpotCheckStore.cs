using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>Spot checks and their items.</summary>
public static class SpotCheckStore
{
    private const string ItemColumns = "id, spot_check_id, unit_id, period_id, slot_key, person_id, phone, outcome, note, recorded_at, recorded_by";

    public static Task<Guid> InsertAsync(DbWork work, Guid unitId, Guid requestedBy, Instant at, int seed, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<Guid>(work.Command("""
            INSERT INTO spot_checks (unit_id, requested_by, at, seed) VALUES (@unitId, @requestedBy, @at, @seed) RETURNING id
            """, new { unitId, requestedBy, at, seed }, ct));

    public static Task<SpotCheckItemRow> InsertItemAsync(DbWork work, SpotCheckItemRow item, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<SpotCheckItemRow>(work.Command($"""
            INSERT INTO spot_check_items (spot_check_id, unit_id, period_id, slot_key, person_id, phone)
            VALUES (@SpotCheckId, @UnitId, @PeriodId, @SlotKey, @PersonId, @Phone)
            RETURNING {ItemColumns}
            """, item, ct));

    public static Task<SpotCheckItemRow?> FindItemAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SpotCheckItemRow>(work.Command(
            $"SELECT {ItemColumns} FROM spot_check_items WHERE id = @id", new { id }, ct));

    /// <summary>Sets the item's current outcome and appends it to the item's outcome history (earlier outcomes are kept).</summary>
    public static Task<SpotCheckItemRow?> RecordAsync(DbWork work, Guid id, string outcome, string? note, Guid by, Instant at, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SpotCheckItemRow>(work.Command($"""
            WITH history AS (
                INSERT INTO spot_check_outcomes (item_id, outcome, note, recorded_by, recorded_at)
                SELECT id, @outcome, @note, @by, @at FROM spot_check_items WHERE id = @id
            )
            UPDATE spot_check_items SET outcome = @outcome, note = @note, recorded_by = @by, recorded_at = @at
            WHERE id = @id
            RETURNING {ItemColumns}
            """, new { id, outcome, note, by, at }, ct));

    /// <summary>How many outcomes were recorded for the item, the current one included.</summary>
    public static Task<int> OutcomeCountAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<int>(work.Command("SELECT count(*) FROM spot_check_outcomes WHERE item_id = @id", new { id }, ct));

    /// <summary>Outcome counts per unit, for the given units (and period when set).</summary>
    public static async Task<IReadOnlyList<SpotCheckTally>> TallyAsync(DbWork work, IReadOnlyCollection<Guid> units, Guid? periodId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<SpotCheckTally>(work.Command("""
            SELECT unit_id,
                   count(*) AS drawn,
                   count(*) FILTER (WHERE outcome = 'on_post') AS on_post,
                   count(*) FILTER (WHERE outcome = 'elsewhere') AS elsewhere,
                   count(*) FILTER (WHERE outcome = 'not_reached') AS not_reached,
                   count(*) FILTER (WHERE outcome IS NULL) AS pending,
                   count(*) FILTER (WHERE outcome = 'not_reached' AND coalesce(
                       (SELECT s.presence ->> split_part(i.slot_key, '/', 3) FROM shifts s
                        WHERE s.period_id = i.period_id AND s.code = split_part(i.slot_key, '/', 2)), 'on_site') = 'reachable') AS reachable_not_reached
            FROM spot_check_items i
            WHERE unit_id = ANY(@units) AND (@periodId::uuid IS NULL OR period_id = @periodId)
            GROUP BY unit_id ORDER BY unit_id
            """, new { units = units.ToArray(), periodId }, ct));
        return rows.AsList();
    }
}
