using Dapper;
using NodaTime;
using Roster.Core.Model;
using Roster.Core.Reminders;

namespace Roster.Core.Storage.Reminders;

/// <summary>
/// Keeps the reminders of a unit's period in step with its published roster. Call inside the transaction that publishes,
/// edits, swaps or unpublishes, so reminders change exactly when the roster does.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>
    /// Makes the reminders match the published version <paramref name="rosterVersionId"/>: inserts missing ones, cancels
    /// pending ones no assignment asks for any more, moves those whose time changed. Idempotent.
    /// </summary>
    /// <remarks>
    /// Reminders already dispatched are kept, unless their shift moved: then they are armed again for the new time (the
    /// person hears of the new time; the new notification has a new idempotency key because it names the new due time).
    /// </remarks>
    /// <returns>The number of reminders inserted or changed.</returns>
    public static async Task<int> SyncForVersionAsync(DbWork work, Guid rosterVersionId, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var version = await HeadAsync(work, rosterVersionId, ct);
        if (version.Status != RosterStatus.Published)
        {
            throw new InvalidOperationException($"Roster version {rosterVersionId} is {version.Status}; reminders follow published versions only.");
        }

        await LockAsync(work, version, ct);
        var assignments = await work.Connection.QueryAsync<Gaps.AssignmentFact>(work.Command("""
            SELECT slot_key, shift_code, role, person_id, starts_at, ends_at FROM assignments WHERE roster_version_id = @rosterVersionId
            """, new { rosterVersionId }, ct));
        var (settings, _) = await ReminderSettingsStore.GetAsync(work, version.UnitId, ct);
        var desired = ReminderPlan.Desired(
            [.. assignments.Select(a => new PlannedAssignment(a.SlotKey, a.ShiftCode, a.Role, a.PersonId, a.StartsAt, a.EndsAt))], settings);
        var keys = desired.Select(d => d.Key).ToArray();

        var cancelled = await work.Connection.ExecuteAsync(work.Command("""
            UPDATE reminders SET status = 'cancelled', updated_at = @now
            WHERE unit_id = @unitId AND period_id = @periodId AND status = 'pending' AND reminder_key <> ALL(@keys)
            """, new { version.UnitId, version.PeriodId, keys, now }, ct));

        const string Upsert = """
            INSERT INTO reminders AS r (unit_id, period_id, reminder_key, kind, person_id, roster_version_id, slot_key, shift_code, role,
                offset_minutes, shift_starts_at, shift_ends_at, due_at, next_person_id, status, created_at, updated_at)
            SELECT @unitId, @periodId, t.k, t.kind, t.person, @rosterVersionId, t.slot, t.shift, t.role, t.off, t.s, t.e, t.d, t.np,
                   'pending', @now, @now
            FROM unnest(@keys, @kinds, @persons, @slots, @shifts, @roles, @offsets, @starts, @ends, @dues, @nexts)
                 AS t(k, kind, person, slot, shift, role, off, s, e, d, np)
            ON CONFLICT (unit_id, period_id, reminder_key) DO UPDATE SET
                roster_version_id = EXCLUDED.roster_version_id, shift_code = EXCLUDED.shift_code,
                shift_starts_at = EXCLUDED.shift_starts_at, shift_ends_at = EXCLUDED.shift_ends_at, due_at = EXCLUDED.due_at,
                next_person_id = EXCLUDED.next_person_id, status = 'pending', updated_at = EXCLUDED.updated_at, dispatched_at = NULL
            WHERE r.status IN ('pending', 'cancelled') AND (r.status = 'cancelled' OR r.due_at <> EXCLUDED.due_at
                    OR r.roster_version_id <> EXCLUDED.roster_version_id)
               OR (r.status IN ('dispatched', 'missed') AND r.due_at <> EXCLUDED.due_at)
            """;
        var changed = await work.Connection.ExecuteAsync(work.Command(Upsert, new
        {
            version.UnitId,
            version.PeriodId,
            rosterVersionId,
            now,
            keys,
            kinds = desired.Select(d => d.Kind).ToArray(),
            persons = desired.Select(d => d.PersonId).ToArray(),
            slots = desired.Select(d => d.SlotKey).ToArray(),
            shifts = desired.Select(d => d.ShiftCode).ToArray(),
            roles = desired.Select(d => d.Role).ToArray(),
            offsets = desired.Select(d => d.OffsetMinutes).ToArray(),
            starts = desired.Select(d => d.ShiftStart).ToArray(),
            ends = desired.Select(d => d.ShiftEnd).ToArray(),
            dues = desired.Select(d => d.DueAt).ToArray(),
            nexts = desired.Select(d => d.NextPersonId).ToArray(),
        }, ct));
        return cancelled + changed;
    }

    /// <summary>Cancels every pending reminder of the version's unit and period (the roster was unpublished).</summary>
    /// <returns>The number of reminders cancelled.</returns>
    public static async Task<int> CancelForVersionAsync(DbWork work, Guid rosterVersionId, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var version = await HeadAsync(work, rosterVersionId, ct);
        await LockAsync(work, version, ct);
        return await work.Connection.ExecuteAsync(work.Command("""
            UPDATE reminders SET status = 'cancelled', updated_at = @now
            WHERE unit_id = @unitId AND period_id = @periodId AND status = 'pending'
            """, new { version.UnitId, version.PeriodId, now }, ct));
    }

    private static async Task<RosterVersionHead> HeadAsync(DbWork work, Guid id, CancellationToken ct) =>
        await work.Connection.QuerySingleOrDefaultAsync<RosterVersionHead>(work.Command(
            "SELECT id, unit_id, period_id, status FROM roster_versions WHERE id = @id", new { id }, ct))
        ?? throw new ArgumentException($"No roster version {id}.", nameof(id));

    // Two publishes of one unit's period at once must not interleave their reminder changes.
    private static Task LockAsync(DbWork work, RosterVersionHead version, CancellationToken ct) =>
        work.LockAsync($"reminders:{version.UnitId}:{version.PeriodId}", ct);
}
