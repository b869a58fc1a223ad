using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Rosters;

/// <summary>Assignments of roster versions.</summary>
public static class AssignmentStore
{
    private const string Columns =
        "id, roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at, source, pinned, forced, force_reason";

    public static async Task<IReadOnlyList<AssignmentRow>> OfVersionAsync(DbWork work, Guid versionId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<AssignmentRow>(work.Command(
            $"SELECT {Columns} FROM assignments WHERE roster_version_id = @versionId ORDER BY starts_at, slot_key",
            new { versionId }, ct));
        return rows.AsList();
    }

    /// <summary>Assignments on duty dates from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static async Task<IReadOnlyList<AssignmentRow>> OfVersionOnDatesAsync(
        DbWork work, Guid versionId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<AssignmentRow>(work.Command($"""
            SELECT {Columns} FROM assignments
            WHERE roster_version_id = @versionId AND duty_date BETWEEN @from AND @to
            ORDER BY starts_at, slot_key
            """, new { versionId, from, to }, ct));
        return rows.AsList();
    }

    /// <summary>A person's assignments in published rosters on duty dates from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static async Task<IReadOnlyList<AssignmentRow>> PublishedOfPersonAsync(
        DbWork work, Guid personId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<AssignmentRow>(work.Command($"""
            SELECT a.id, a.roster_version_id, a.slot_key, a.shift_code, a.role, a.duty_date, a.person_id, a.starts_at,
                   a.ends_at, a.source, a.pinned, a.forced, a.force_reason
            FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
            WHERE a.person_id = @personId AND v.status = 'published' AND a.duty_date BETWEEN @from AND @to
            ORDER BY a.starts_at
            """, new { personId, from, to }, ct));
        return rows.AsList();
    }

    /// <summary>The assignment of a slot in the unit's published roster for the period, if any.</summary>
    public static Task<AssignmentRow?> PublishedOfSlotAsync(DbWork work, Guid periodId, Guid unitId, string slotKey, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AssignmentRow>(work.Command("""
            SELECT a.id, a.roster_version_id, a.slot_key, a.shift_code, a.role, a.duty_date, a.person_id, a.starts_at,
                   a.ends_at, a.source, a.pinned, a.forced, a.force_reason
            FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
            WHERE v.period_id = @periodId AND v.unit_id = @unitId AND v.status = 'published' AND a.slot_key = @slotKey
            """, new { periodId, unitId, slotKey }, ct));

    /// <summary>The person's published duty in the unit whose time, widened by the margins, contains <paramref name="at"/>.</summary>
    public static Task<AssignmentRow?> PublishedCoveringAsync(
        DbWork work, Guid unitId, Guid personId, Instant at, Duration before, Duration after, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<AssignmentRow>(work.Command("""
            SELECT a.id, a.roster_version_id, a.slot_key, a.shift_code, a.role, a.duty_date, a.person_id, a.starts_at,
                   a.ends_at, a.source, a.pinned, a.forced, a.force_reason
            FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
            WHERE v.unit_id = @unitId AND v.status = 'published' AND a.person_id = @personId
              AND a.starts_at - @before <= @at AND @at < a.ends_at + @after
            ORDER BY a.starts_at LIMIT 1
            """, new { unitId, personId, at, before, after }, ct));

    /// <summary>Everyone on duty at <paramref name="at"/> in the given units (published rosters).</summary>
    public static async Task<IReadOnlyList<OnDutyRow>> OnDutyAtAsync(DbWork work, IReadOnlyCollection<Guid> units, Instant at, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<OnDutyRow>(work.Command("""
            SELECT v.unit_id, v.period_id, a.slot_key, a.shift_code, a.role, a.person_id, a.starts_at, a.ends_at
            FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
            WHERE v.unit_id = ANY(@units) AND v.status = 'published' AND a.starts_at <= @at AND @at < a.ends_at
            ORDER BY v.unit_id, a.slot_key
            """, new { units = units.ToArray(), at }, ct));
        return rows.AsList();
    }

    /// <summary>Inserts many assignments in one statement.</summary>
    public static Task InsertManyAsync(DbWork work, Guid versionId, IReadOnlyList<AssignmentRow> rows, CancellationToken ct) =>
        rows.Count == 0
            ? Task.CompletedTask
            : work.Connection.ExecuteAsync(work.Command("""
                INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at,
                                         source, pinned, forced, force_reason)
                SELECT @versionId, * FROM unnest(@keys, @shifts, @roles, @dates, @people, @starts, @ends, @sources, @pinned, @forced, @reasons)
                """, new
            {
                versionId,
                keys = rows.Select(r => r.SlotKey).ToArray(),
                shifts = rows.Select(r => r.ShiftCode).ToArray(),
                roles = rows.Select(r => r.Role).ToArray(),
                dates = rows.Select(r => r.DutyDate).ToArray(),
                people = rows.Select(r => r.PersonId).ToArray(),
                starts = rows.Select(r => r.StartsAt).ToArray(),
                ends = rows.Select(r => r.EndsAt).ToArray(),
                sources = rows.Select(r => r.Source).ToArray(),
                pinned = rows.Select(r => r.Pinned).ToArray(),
                forced = rows.Select(r => r.Forced).ToArray(),
                reasons = rows.Select(r => r.ForceReason).ToArray(),
            }, ct));

    /// <summary>Copies every assignment of one version into another (a new draft starts as a copy of the published roster),
    /// standbys (<see cref="StandbyStore"/>) included.</summary>
    public static async Task CopyAsync(DbWork work, Guid fromVersionId, Guid toVersionId, CancellationToken ct)
    {
        await work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at,
                                     source, pinned, forced, force_reason)
            SELECT @toVersionId, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at, source, pinned, forced, force_reason
            FROM assignments WHERE roster_version_id = @fromVersionId
            """, new { fromVersionId, toVersionId }, ct));
        await StandbyStore.CopyAsync(work, fromVersionId, toVersionId, ct);
    }

    public static Task<int> DeleteAsync(DbWork work, Guid versionId, string slotKey, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM assignments WHERE roster_version_id = @versionId AND slot_key = @slotKey", new { versionId, slotKey }, ct));

    /// <summary>Puts a person in a slot of a version, replacing whoever was there.</summary>
    public static async Task<AssignmentRow> UpsertAsync(DbWork work, AssignmentRow row, CancellationToken ct)
    {
        await DeleteAsync(work, row.RosterVersionId, row.SlotKey, ct);
        return await work.Connection.QuerySingleAsync<AssignmentRow>(work.Command($"""
            INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at,
                                     source, pinned, forced, force_reason)
            VALUES (@RosterVersionId, @SlotKey, @ShiftCode, @Role, @DutyDate, @PersonId, @StartsAt, @EndsAt, @Source, @Pinned, @Forced, @ForceReason)
            RETURNING {Columns}
            """, row, ct));
    }

    public static Task<int> SetPinnedAsync(DbWork work, Guid versionId, string slotKey, bool pinned, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE assignments SET pinned = @pinned WHERE roster_version_id = @versionId AND slot_key = @slotKey",
            new { versionId, slotKey, pinned }, ct));
}
