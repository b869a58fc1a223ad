using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>The append-only duty log and incident acknowledgements.</summary>
public static class DutyLogStore
{
    private const string Select = """
        SELECT e.id, e.unit_id, e.period_id, e.slot_key, e.kind, e.category, e.severity, e.body, e.actions_taken, e.incident_id,
               e.corrects_id, e.author_id, e.person_id, e.created_at, e.ack_due_at,
               a.acknowledged_by, a.acknowledged_at, a.late AS ack_late
        FROM duty_log_entries e LEFT JOIN incident_acknowledgements a ON a.incident_id = e.id
        """;

    public static Task<DutyLogEntryRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<DutyLogEntryRow>(work.Command(Select + " WHERE e.id = @id", new { id }, ct));

    public static async Task<IReadOnlyList<DutyLogEntryRow>> OfUnitAsync(
        DbWork work, Guid unitId, Guid periodId, Instant from, Instant to, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<DutyLogEntryRow>(work.Command(Select + """
             WHERE e.unit_id = @unitId AND e.period_id = @periodId AND e.created_at >= @from AND e.created_at < @to
            ORDER BY e.created_at, e.id
            """, new { unitId, periodId, from, to }, ct));
        return rows.AsList();
    }

    /// <summary>Incidents of the given units, newest first; open ones only when <paramref name="openOnly"/>.</summary>
    public static async Task<IReadOnlyList<DutyLogEntryRow>> IncidentsAsync(
        DbWork work, IReadOnlyCollection<Guid> units, bool openOnly, int limit, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<DutyLogEntryRow>(work.Command(Select + """
             WHERE e.kind = 'incident' AND e.unit_id = ANY(@units) AND (NOT @openOnly OR a.incident_id IS NULL)
            ORDER BY e.created_at DESC LIMIT @limit
            """, new { units = units.ToArray(), openOnly, limit }, ct));
        return rows.AsList();
    }

    public static async Task<IReadOnlyList<DutyLogEntryRow>> FollowUpsAsync(DbWork work, Guid incidentId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<DutyLogEntryRow>(work.Command(Select + """
             WHERE e.incident_id = @incidentId ORDER BY e.created_at, e.id
            """, new { incidentId }, ct));
        return rows.AsList();
    }

    public static Task<Guid> InsertAsync(DbWork work, DutyLogEntryRow row, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<Guid>(work.Command("""
            INSERT INTO duty_log_entries (unit_id, period_id, slot_key, kind, category, severity, body, actions_taken, incident_id,
                                          corrects_id, author_id, person_id, created_at, ack_due_at)
            VALUES (@UnitId, @PeriodId, @SlotKey, @Kind, @Category, @Severity, @Body, @ActionsTaken, @IncidentId, @CorrectsId,
                    @AuthorId, @PersonId, @CreatedAt, @AckDueAt)
            RETURNING id
            """, row, ct));

    /// <summary>Records the first acknowledgement; false when the incident was already acknowledged.</summary>
    public static async Task<bool> AcknowledgeAsync(DbWork work, Guid incidentId, Guid by, Instant at, bool late, string? note, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO incident_acknowledgements (incident_id, acknowledged_by, acknowledged_at, late, note)
            VALUES (@incidentId, @by, @at, @late, @note) ON CONFLICT (incident_id) DO NOTHING
            """, new { incidentId, by, at, late, note }, ct)) == 1;
}
