using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Submissions;

/// <summary>Oversight flags, and the scan that opens and closes the submission-deadline flags.</summary>
public static class OversightFlagStore
{
    public const string SubmissionOverdue = "submission_overdue";

    private const string Columns = "id, kind, unit_id, period_id, subject, detail, opened_at, closed_at";

    /// <summary>Flags of the given units (and period when set), newest first; only open ones unless <paramref name="all"/>.</summary>
    public static async Task<IReadOnlyList<OversightFlagRow>> ListAsync(
        DbWork work, IReadOnlyCollection<Guid> units, Guid? periodId, bool all, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<OversightFlagRow>(work.Command($"""
            SELECT {Columns} FROM oversight_flags
            WHERE unit_id = ANY(@units) AND (@periodId::uuid IS NULL OR period_id = @periodId) AND (@all OR closed_at IS NULL)
            ORDER BY opened_at DESC, id
            """, new { units = units.ToArray(), periodId, all }, ct));
        return rows.AsList();
    }

    /// <summary>Closes the unit's open flag of a kind and subject, at <paramref name="at"/> (never before it opened).</summary>
    public static Task<int> CloseAsync(DbWork work, string kind, Guid unitId, Guid periodId, string subject, Instant at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE oversight_flags SET closed_at = greatest(opened_at, @at)
            WHERE kind = @kind AND unit_id = @unitId AND period_id = @periodId AND subject = @subject AND closed_at IS NULL
            """, new { kind, unitId, periodId, subject, at }, ct));

    /// <summary>
    /// Flags every unit below a period's declaring unit that had not submitted its roster when the period's submission
    /// deadline passed (once per unit and period, opened at the deadline), and closes such flags once the unit has
    /// submitted. Safe to run at any time and from several processes; returns the flags opened plus closed.
    /// </summary>
    public static async Task<int> ScanSubmissionsAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var opened = await work.Connection.ExecuteAsync(work.Command("""
            WITH RECURSIVE due AS (
                SELECT id AS period_id, unit_id AS root, submission_due FROM periods
                WHERE requires_approval AND submission_due IS NOT NULL AND submission_due <= @now
            ), down(period_id, unit_id, submission_due) AS (
                SELECT d.period_id, u.id, d.submission_due FROM due d JOIN units u ON u.parent_id = d.root
                UNION
                SELECT d.period_id, u.id, d.submission_due FROM down d JOIN units u ON u.parent_id = d.unit_id
            )
            INSERT INTO oversight_flags (kind, unit_id, period_id, subject, detail, opened_at)
            SELECT 'submission_overdue', d.unit_id, d.period_id, '', '未按时报备 roster not submitted by the deadline', d.submission_due
            FROM down d
            WHERE NOT EXISTS (SELECT 1 FROM roster_submissions s
                              WHERE s.period_id = d.period_id AND s.unit_id = d.unit_id AND s.submitted_at <= d.submission_due)
              AND NOT EXISTS (SELECT 1 FROM oversight_flags f
                              WHERE f.kind = 'submission_overdue' AND f.unit_id = d.unit_id AND f.period_id = d.period_id)
            ON CONFLICT (kind, unit_id, period_id, subject) WHERE closed_at IS NULL DO NOTHING
            """, new { now }, ct));
        var closed = await work.Connection.ExecuteAsync(work.Command("""
            UPDATE oversight_flags f
            SET closed_at = greatest(f.opened_at, (SELECT min(s.submitted_at) FROM roster_submissions s
                                                   WHERE s.period_id = f.period_id AND s.unit_id = f.unit_id))
            WHERE f.kind = 'submission_overdue' AND f.closed_at IS NULL
              AND EXISTS (SELECT 1 FROM roster_submissions s
                          WHERE s.period_id = f.period_id AND s.unit_id = f.unit_id AND s.submitted_at <= @now)
            """, new { now }, ct));
        return opened + closed;
    }
}
