using Dapper;
using NodaTime;
using Roster.Core.Model;

namespace Roster.Core.Storage.Rosters;

/// <summary>Roster versions of a unit and period.</summary>
public static class RosterStore
{
    private const string Columns =
        "id, period_id, unit_id, number, status, based_on_id, job_id, unfilled::text AS unfilled, score::text AS score, created_at, published_at, published_by, revision";

    public static Task<RosterVersionRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<RosterVersionRow>(work.Command(
            $"SELECT {Columns} FROM roster_versions WHERE id = @id", new { id }, ct));

    /// <summary>The unit's draft or published version for the period (at most one of each exists).</summary>
    public static Task<RosterVersionRow?> FindByStatusAsync(DbWork work, Guid periodId, Guid unitId, RosterStatus status, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<RosterVersionRow>(work.Command(
            $"SELECT {Columns} FROM roster_versions WHERE period_id = @periodId AND unit_id = @unitId AND status = @status",
            new { periodId, unitId, status }, ct));

    public static Task<RosterVersionRow?> FindByNumberAsync(DbWork work, Guid periodId, Guid unitId, int number, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<RosterVersionRow>(work.Command(
            $"SELECT {Columns} FROM roster_versions WHERE period_id = @periodId AND unit_id = @unitId AND number = @number",
            new { periodId, unitId, number }, ct));

    /// <summary>Newest first, keyset-paginated by number.</summary>
    public static async Task<IReadOnlyList<RosterVersionRow>> ListAsync(
        DbWork work, Guid periodId, Guid unitId, int? beforeNumber, int limit, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<RosterVersionRow>(work.Command($"""
            SELECT {Columns} FROM roster_versions
            WHERE period_id = @periodId AND unit_id = @unitId AND (@beforeNumber::int IS NULL OR number < @beforeNumber)
            ORDER BY number DESC LIMIT @limit
            """, new { periodId, unitId, beforeNumber, limit }, ct));
        return rows.AsList();
    }

    /// <summary>
    /// Creates a new draft numbered after the last version. The unit's version rows are locked first, so two
    /// concurrent creators get distinct numbers (and the one-draft index turns the loser into a 409).
    /// </summary>
    public static async Task<RosterVersionRow> InsertDraftAsync(
        DbWork work, Guid periodId, Guid unitId, Guid? basedOnId, Guid? jobId, string unfilled, string score, Instant now, CancellationToken ct)
    {
        await LockAsync(work, periodId, unitId, ct);
        return await work.Connection.QuerySingleAsync<RosterVersionRow>(work.Command($"""
            INSERT INTO roster_versions (period_id, unit_id, number, status, based_on_id, job_id, unfilled, score, created_at)
            VALUES (@periodId, @unitId,
                (SELECT coalesce(max(number), 0) + 1 FROM roster_versions WHERE period_id = @periodId AND unit_id = @unitId),
                'draft', @basedOnId, @jobId, @unfilled::jsonb, @score::jsonb, @now)
            RETURNING {Columns}
            """, new { periodId, unitId, basedOnId, jobId, unfilled, score, now }, ct));
    }

    /// <summary>The periods in which the unit has a published roster.</summary>
    public static async Task<IReadOnlyList<Guid>> PublishedPeriodsOfUnitAsync(DbWork work, Guid unitId, CancellationToken ct)
    {
        var ids = await work.Connection.QueryAsync<Guid>(work.Command(
            "SELECT period_id FROM roster_versions WHERE unit_id = @unitId AND status = 'published'", new { unitId }, ct));
        return ids.AsList();
    }

    public static Task DeleteDraftAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("DELETE FROM roster_versions WHERE id = @id AND status = 'draft'", new { id }, ct));

    /// <summary>
    /// Takes the lock that serialises every change to the unit's roster for the period (hand edits, publish, approval,
    /// replacements, swaps) until the transaction ends; read the draft and the published version after taking it.
    /// </summary>
    public static Task LockAsync(DbWork work, Guid periodId, Guid unitId, CancellationToken ct) =>
        work.LockAsync($"roster:{periodId}:{unitId}", ct);

    /// <summary>Counts one more change to the version (its ETag); returns the new revision.</summary>
    public static Task<int> BumpRevisionAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<int>(work.Command(
            "UPDATE roster_versions SET revision = revision + 1 WHERE id = @id RETURNING revision", new { id }, ct));

    public static Task SetUnfilledAsync(DbWork work, Guid id, string unfilled, string score, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE roster_versions SET unfilled = @unfilled::jsonb, score = @score::jsonb WHERE id = @id",
            new { id, unfilled, score }, ct));

    /// <summary>
    /// A live change to the published roster (a replacement, an approved swap): the published version is superseded by a
    /// copy of itself, published at once, which the caller then changes. Any draft is left as it is.
    /// </summary>
    public static async Task<RosterVersionRow> RepublishCopyAsync(DbWork work, RosterVersionRow published, Guid? actor, Instant now, CancellationToken ct)
    {
        await LockAsync(work, published.PeriodId, published.UnitId, ct);
        await work.Connection.ExecuteAsync(work.Command(
            "UPDATE roster_versions SET status = 'superseded' WHERE id = @Id AND status = 'published'", published, ct));
        var copy = await work.Connection.QuerySingleAsync<RosterVersionRow>(work.Command($"""
            INSERT INTO roster_versions (period_id, unit_id, number, status, based_on_id, unfilled, score, created_at, published_at, published_by)
            SELECT period_id, unit_id,
                (SELECT max(number) + 1 FROM roster_versions WHERE period_id = @PeriodId AND unit_id = @UnitId),
                'published', id, unfilled, score, @now, @now, @actor
            FROM roster_versions WHERE id = @Id
            RETURNING {Columns}
            """, new { published.Id, published.PeriodId, published.UnitId, now, actor }, ct));
        await AssignmentStore.CopyAsync(work, published.Id, copy.Id, ct);
        return copy;
    }

    /// <summary>The draft becomes the published version; the version published before it becomes superseded.</summary>
    public static async Task<RosterVersionRow> PublishAsync(DbWork work, RosterVersionRow draft, Guid? actor, Instant now, CancellationToken ct)
    {
        await work.Connection.ExecuteAsync(work.Command("""
            UPDATE roster_versions SET status = 'superseded'
            WHERE period_id = @PeriodId AND unit_id = @UnitId AND status = 'published'
            """, draft, ct));
        return await work.Connection.QuerySingleAsync<RosterVersionRow>(work.Command($"""
            UPDATE roster_versions SET status = 'published', published_at = @now, published_by = @actor
            WHERE id = @id AND status = 'draft'
            RETURNING {Columns}
            """, new { id = draft.Id, now, actor }, ct));
    }
}
