using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>Check-ins and check-outs.</summary>
public static class CheckInStore
{
    private const string Columns =
        "id, unit_id, period_id, slot_key, person_id, slot_starts_at, slot_ends_at, checked_in_at, late, checked_out_at, handover_note, recorded_by";

    public static Task<CheckInRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CheckInRow>(work.Command(
            $"SELECT {Columns} FROM check_ins WHERE id = @id", new { id }, ct));

    public static Task<CheckInRow?> ForSlotAsync(DbWork work, Guid unitId, Guid periodId, string slotKey, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CheckInRow>(work.Command(
            $"SELECT {Columns} FROM check_ins WHERE unit_id = @unitId AND period_id = @periodId AND slot_key = @slotKey",
            new { unitId, periodId, slotKey }, ct));

    /// <summary>Check-ins of a unit for slots starting in [from, to).</summary>
    public static async Task<IReadOnlyList<CheckInRow>> OfUnitAsync(DbWork work, Guid unitId, Instant from, Instant to, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<CheckInRow>(work.Command($"""
            SELECT {Columns} FROM check_ins
            WHERE unit_id = @unitId AND slot_starts_at >= @from AND slot_starts_at < @to
            ORDER BY slot_starts_at, slot_key
            """, new { unitId, from, to }, ct));
        return rows.AsList();
    }

    /// <summary>The check-out of the unit's slot of <paramref name="role"/> that ended exactly when the given slot starts: its handover note.</summary>
    public static Task<CheckInRow?> HandoverBeforeAsync(DbWork work, Guid unitId, string role, Instant slotStart, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CheckInRow>(work.Command($"""
            SELECT c.id, c.unit_id, c.period_id, c.slot_key, c.person_id, c.slot_starts_at, c.slot_ends_at, c.checked_in_at, c.late,
                   c.checked_out_at, c.handover_note, c.recorded_by
            FROM check_ins c
            WHERE c.unit_id = @unitId AND c.slot_ends_at = @slotStart AND c.checked_out_at IS NOT NULL
              AND split_part(c.slot_key, '/', 3) = @role
            ORDER BY c.checked_out_at DESC LIMIT 1
            """, new { unitId, role, slotStart }, ct));

    public static Task<CheckInRow> InsertAsync(DbWork work, CheckInRow row, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<CheckInRow>(work.Command($"""
            INSERT INTO check_ins (unit_id, period_id, slot_key, person_id, slot_starts_at, slot_ends_at, checked_in_at, late, recorded_by)
            VALUES (@UnitId, @PeriodId, @SlotKey, @PersonId, @SlotStartsAt, @SlotEndsAt, @CheckedInAt, @Late, @RecordedBy)
            RETURNING {Columns}
            """, row, ct));

    /// <summary>Records the check-out once; null when it was already checked out.</summary>
    public static Task<CheckInRow?> CheckOutAsync(DbWork work, Guid id, Instant at, string? note, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CheckInRow>(work.Command($"""
            UPDATE check_ins SET checked_out_at = @at, handover_note = @note
            WHERE id = @id AND checked_out_at IS NULL
            RETURNING {Columns}
            """, new { id, at, note }, ct));
}
