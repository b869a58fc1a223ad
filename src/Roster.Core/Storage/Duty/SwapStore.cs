using Dapper;
using NodaTime;
using Roster.Core.Swaps;

namespace Roster.Core.Storage.Duty;

/// <summary>Swap and give-away offers.</summary>
public static class SwapStore
{
    private const string Columns =
        "id, period_id, unit_id, slot_key, from_person_id, kind, to_person_id, counter_slot_key, status, note, created_by, created_at, accepted_at, decided_by, decided_at, version";

    public static Task<SwapRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SwapRow>(work.Command($"SELECT {Columns} FROM swap_requests WHERE id = @id", new { id }, ct));

    public static async Task<IReadOnlyList<SwapRow>> OfUnitAsync(DbWork work, Guid unitId, Guid periodId, SwapStatus? status, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<SwapRow>(work.Command($"""
            SELECT {Columns} FROM swap_requests
            WHERE unit_id = @unitId AND period_id = @periodId AND (@status::text IS NULL OR status = @status)
            ORDER BY created_at DESC
            """, new { unitId, periodId, status }, ct));
        return rows.AsList();
    }

    public static Task<SwapRow> InsertAsync(DbWork work, SwapRow row, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<SwapRow>(work.Command($"""
            INSERT INTO swap_requests (period_id, unit_id, slot_key, from_person_id, kind, to_person_id, note, created_by, created_at)
            VALUES (@PeriodId, @UnitId, @SlotKey, @FromPersonId, @Kind, @ToPersonId, @Note, @CreatedBy, @CreatedAt)
            RETURNING {Columns}
            """, row, ct));

    /// <summary>Moves the offer on when it is still in <paramref name="expected"/>; null when someone else moved it first.</summary>
    public static Task<SwapRow?> TransitionAsync(
        DbWork work, Guid id, SwapStatus expected, SwapStatus status, Guid? toPersonId, string? counterSlotKey, Guid? actor, Instant now, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SwapRow>(work.Command($"""
            UPDATE swap_requests SET status = @status,
                to_person_id = coalesce(@toPersonId, to_person_id), counter_slot_key = coalesce(@counterSlotKey, counter_slot_key),
                accepted_at = CASE WHEN @status = 'accepted' OR (@status = 'approved' AND @expected = 'offered') THEN @now ELSE accepted_at END,
                decided_by = CASE WHEN @status IN ('approved', 'rejected') THEN @actor ELSE decided_by END,
                decided_at = CASE WHEN @status IN ('approved', 'rejected', 'cancelled') THEN @now ELSE decided_at END,
                version = version + 1
            WHERE id = @id AND status = @expected
            RETURNING {Columns}
            """, new { id, expected, status, toPersonId, counterSlotKey, actor, now }, ct));

    /// <summary>
    /// Cancels the unit's open offers whose duty (or, for an accepted swap, whose counter duty) is no longer held by the
    /// person named in the offer in the given published version: a slot that changed hands ends the offers on it.
    /// </summary>
    public static Task<int> CancelStaleAsync(DbWork work, Guid periodId, Guid unitId, Guid versionId, Instant now, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE swap_requests s SET status = 'cancelled', decided_at = @now, version = version + 1
            WHERE s.period_id = @periodId AND s.unit_id = @unitId AND s.status IN ('offered', 'accepted')
              AND (NOT EXISTS (SELECT 1 FROM assignments a
                               WHERE a.roster_version_id = @versionId AND a.slot_key = s.slot_key AND a.person_id = s.from_person_id)
                OR (s.counter_slot_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assignments a
                               WHERE a.roster_version_id = @versionId AND a.slot_key = s.counter_slot_key AND a.person_id = s.to_person_id)))
            """, new { periodId, unitId, versionId, now }, ct));
}
