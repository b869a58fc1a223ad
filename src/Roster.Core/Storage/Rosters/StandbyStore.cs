using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Rosters;

/// <summary>Standby (备班) of roster versions.</summary>
public static class StandbyStore
{
    private const string Columns =
        "s.id, s.roster_version_id, s.slot_key, s.shift_code, s.role, s.duty_date, s.person_id, s.starts_at, s.ends_at, s.source, "
        + "s.stepped_in_at, s.stepped_in_slot, v.unit_id, v.period_id";

    public static async Task<IReadOnlyList<StandbyRow>> OfVersionAsync(DbWork work, Guid versionId, CancellationToken ct) =>
        (await work.Connection.QueryAsync<StandbyRow>(work.Command($"""
            SELECT {Columns} FROM standby_assignments s JOIN roster_versions v ON v.id = s.roster_version_id
            WHERE s.roster_version_id = @versionId ORDER BY s.starts_at, s.slot_key
            """, new { versionId }, ct))).AsList();

    /// <summary>A person's standbys in published rosters on duty dates from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static async Task<IReadOnlyList<StandbyRow>> PublishedOfPersonAsync(DbWork work, Guid personId, LocalDate from, LocalDate to, CancellationToken ct) =>
        (await work.Connection.QueryAsync<StandbyRow>(work.Command($"""
            SELECT {Columns} FROM standby_assignments s JOIN roster_versions v ON v.id = s.roster_version_id
            WHERE s.person_id = @personId AND v.status = 'published' AND s.duty_date BETWEEN @from AND @to
            ORDER BY s.starts_at
            """, new { personId, from, to }, ct))).AsList();

    /// <summary>Everyone standing by at <paramref name="at"/> in the given units (published rosters), not yet stepped in.</summary>
    public static async Task<IReadOnlyList<StandbyRow>> StandingByAtAsync(DbWork work, IReadOnlyCollection<Guid> units, Instant at, CancellationToken ct) =>
        (await work.Connection.QueryAsync<StandbyRow>(work.Command($"""
            SELECT {Columns} FROM standby_assignments s JOIN roster_versions v ON v.id = s.roster_version_id
            WHERE v.unit_id = ANY(@units) AND v.status = 'published' AND s.starts_at <= @at AND @at < s.ends_at AND s.stepped_in_at IS NULL
            ORDER BY v.unit_id, s.slot_key
            """, new { units = units.ToArray(), at }, ct))).AsList();

    /// <summary>The standbys of the published roster for the same date, shift and role as the duty slot <paramref name="slotKey"/>
    /// (date/shift/role/index), those not yet stepped in first.</summary>
    public static async Task<IReadOnlyList<StandbyRow>> PublishedForSlotAsync(DbWork work, Guid periodId, Guid unitId, string slotKey, CancellationToken ct)
    {
        var parts = slotKey.Split('/');
        if (parts.Length != 4)
        {
            return [];
        }
        return (await work.Connection.QueryAsync<StandbyRow>(work.Command($"""
            SELECT {Columns} FROM standby_assignments s JOIN roster_versions v ON v.id = s.roster_version_id
            WHERE v.period_id = @periodId AND v.unit_id = @unitId AND v.status = 'published'
              AND s.slot_key LIKE @prefix ESCAPE '\'
            ORDER BY s.stepped_in_at IS NOT NULL, s.slot_key
            """, new { periodId, unitId, prefix = Escape($"{parts[0]}/{parts[1]}/{parts[2]}/") + "%" }, ct))).AsList();
    }

    public static Task InsertManyAsync(DbWork work, Guid versionId, IReadOnlyList<StandbyRow> rows, CancellationToken ct) =>
        rows.Count == 0
            ? Task.CompletedTask
            : work.Connection.ExecuteAsync(work.Command("""
                INSERT INTO standby_assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at, source)
                SELECT @versionId, * FROM unnest(@keys, @shifts, @roles, @dates, @people, @starts, @ends, @sources)
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
            }, ct));

    /// <summary>Sets the person standing by in <paramref name="row"/>'s slot of its version (a hand edit: source manual).</summary>
    public static async Task<StandbyRow> UpsertAsync(DbWork work, StandbyRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = await work.Connection.ExecuteScalarAsync<Guid>(work.Command("""
            INSERT INTO standby_assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at, source)
            VALUES (@RosterVersionId, @SlotKey, @ShiftCode, @Role, @DutyDate, @PersonId, @StartsAt, @EndsAt, 'manual')
            ON CONFLICT (roster_version_id, slot_key) DO UPDATE
            SET person_id = EXCLUDED.person_id, source = 'manual', stepped_in_at = NULL, stepped_in_slot = NULL
            RETURNING id
            """, row, ct));
        return (await OfVersionAsync(work, row.RosterVersionId, ct)).First(s => s.Id == id);
    }

    /// <summary>Clears the standby of a slot of a version; the number of rows removed (0 or 1).</summary>
    public static Task<int> DeleteAsync(DbWork work, Guid versionId, string slotKey, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM standby_assignments WHERE roster_version_id = @versionId AND slot_key = @slotKey", new { versionId, slotKey }, ct));

    /// <summary>Copies every standby of one version into another.</summary>
    public static Task CopyAsync(DbWork work, Guid fromVersionId, Guid toVersionId, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO standby_assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at,
                                             source, stepped_in_at, stepped_in_slot)
            SELECT @toVersionId, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at, source, stepped_in_at, stepped_in_slot
            FROM standby_assignments WHERE roster_version_id = @fromVersionId
            """, new { fromVersionId, toVersionId }, ct));

    /// <summary>Marks the standby <paramref name="slotKey"/> of a version as having stepped into the duty slot <paramref name="dutySlotKey"/>.</summary>
    public static Task<int> MarkSteppedInAsync(DbWork work, Guid versionId, string slotKey, string dutySlotKey, Instant at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            UPDATE standby_assignments SET stepped_in_at = @at, stepped_in_slot = @dutySlotKey
            WHERE roster_version_id = @versionId AND slot_key = @slotKey AND stepped_in_at IS NULL
            """, new { versionId, slotKey, dutySlotKey, at }, ct));

    private static string Escape(string value) => value.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
