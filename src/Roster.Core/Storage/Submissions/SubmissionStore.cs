using Dapper;
using NodaTime;
using Roster.Core.Oversight;

namespace Roster.Core.Storage.Submissions;

/// <summary>Roster submissions for approval by the unit above.</summary>
public static class SubmissionStore
{
    private const string Columns = """
        id, period_id, unit_id, roster_version_id, number, state, snapshot::text AS snapshot, note, submitted_at, submitted_by,
        decided_at, decided_by, decision_note, comments::text AS comments, published_version_id
        """;

    public static Task<SubmissionRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SubmissionRow>(work.Command(
            $"SELECT {Columns} FROM roster_submissions WHERE id = @id FOR UPDATE", new { id }, ct));

    /// <summary>Newest first.</summary>
    public static async Task<IReadOnlyList<SubmissionRow>> OfUnitAsync(DbWork work, Guid periodId, Guid unitId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<SubmissionRow>(work.Command(
            $"SELECT {Columns} FROM roster_submissions WHERE period_id = @periodId AND unit_id = @unitId ORDER BY number DESC",
            new { periodId, unitId }, ct));
        return rows.AsList();
    }

    /// <summary>The latest submission numbered before <paramref name="number"/> that was not withdrawn, if any.</summary>
    public static Task<SubmissionRow?> PreviousAsync(DbWork work, Guid periodId, Guid unitId, int number, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SubmissionRow>(work.Command($"""
            SELECT {Columns} FROM roster_submissions
            WHERE period_id = @periodId AND unit_id = @unitId AND number < @number AND state <> 'withdrawn'
            ORDER BY number DESC LIMIT 1
            """, new { periodId, unitId, number }, ct));

    /// <summary>
    /// Records a submission numbered after the unit's last one. The unit's submissions are serialised by an advisory lock;
    /// a second pending submission breaks the one-pending index (a 409).
    /// </summary>
    public static async Task<SubmissionRow> InsertAsync(DbWork work, SubmissionRow row, CancellationToken ct)
    {
        await work.LockAsync($"submission:{row.PeriodId}:{row.UnitId}", ct);
        return await work.Connection.QuerySingleAsync<SubmissionRow>(work.Command($"""
            INSERT INTO roster_submissions (period_id, unit_id, roster_version_id, number, state, snapshot, note, submitted_at, submitted_by)
            VALUES (@PeriodId, @UnitId, @RosterVersionId,
                (SELECT coalesce(max(number), 0) + 1 FROM roster_submissions WHERE period_id = @PeriodId AND unit_id = @UnitId),
                'submitted', @Snapshot::jsonb, @Note, @SubmittedAt, @SubmittedBy)
            RETURNING {Columns}
            """, row, ct));
    }

    /// <summary>Withdraws the unit's pending submission (the unit submits a changed draft in its place); the count withdrawn.</summary>
    public static Task<int> WithdrawPendingAsync(DbWork work, Guid periodId, Guid unitId, Instant at, Guid by, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_submissions SET state = 'withdrawn', decided_at = @at, decided_by = @by
            WHERE period_id = @periodId AND unit_id = @unitId AND state = 'submitted'
            """, new { periodId, unitId, at, by }, ct));

    /// <summary>Returns or approves a pending submission; null when it was no longer pending.</summary>
    public static Task<SubmissionRow?> DecideAsync(
        DbWork work, Guid id, SubmissionState state, Instant at, Guid by, string? note, string comments, Guid? publishedVersionId, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<SubmissionRow>(work.Command($"""
            UPDATE roster_submissions
            SET state = @state, decided_at = @at, decided_by = @by, decision_note = @note, comments = @comments::jsonb,
                published_version_id = @publishedVersionId
            WHERE id = @id AND state = 'submitted'
            RETURNING {Columns}
            """, new { id, state, at, by, note, comments, publishedVersionId }, ct));

    /// <summary>Each child unit of <paramref name="parentId"/> with its latest submission, roster state and whether it is past the deadline.</summary>
    /// <remarks>
    /// Read-only. <see cref="BoardRow.OverdueSince"/> is what <see cref="OversightFlagStore.ScanSubmissionsAsync"/> would leave
    /// open if it ran at <paramref name="now"/>: none once the unit has submitted, else the recorded open flag, else the
    /// deadline when it has passed (the parent lies in the period's subtree, so its children are all watched).
    /// </remarks>
    public static async Task<IReadOnlyList<BoardRow>> BoardAsync(DbWork work, Guid periodId, Guid parentId, Instant now, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<BoardRow>(work.Command("""
            SELECT u.id AS unit_id, u.name AS unit_name, s.id AS submission_id, s.number, s.state, s.submitted_at, s.decided_at,
                   EXISTS (SELECT 1 FROM roster_versions v WHERE v.period_id = @periodId AND v.unit_id = u.id AND v.status = 'draft') AS has_draft,
                   (SELECT max(v.published_at) FROM roster_versions v
                    WHERE v.period_id = @periodId AND v.unit_id = u.id AND v.status = 'published') AS published_at,
                   CASE WHEN EXISTS (SELECT 1 FROM roster_submissions e
                                     WHERE e.period_id = @periodId AND e.unit_id = u.id AND e.submitted_at <= @now) THEN NULL
                        ELSE coalesce(f.opened_at,
                                      CASE WHEN p.requires_approval AND p.submission_due <= @now THEN p.submission_due END)
                   END AS overdue_since
            FROM units u
            JOIN periods p ON p.id = @periodId
            LEFT JOIN LATERAL (
                SELECT id, number, state, submitted_at, decided_at FROM roster_submissions
                WHERE period_id = @periodId AND unit_id = u.id ORDER BY number DESC LIMIT 1) s ON true
            LEFT JOIN oversight_flags f
                ON f.kind = 'submission_overdue' AND f.unit_id = u.id AND f.period_id = @periodId AND f.closed_at IS NULL
            WHERE u.parent_id = @parentId
            ORDER BY u.code, u.id
            """, new { periodId, parentId, now }, ct));
        return rows.AsList();
    }
}
