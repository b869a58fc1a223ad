using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Statistics;

/// <summary>Duties of published rosters, read in one command whatever the number of units.</summary>
public static class DutyFactStore
{
    private const string Select = """
        SELECT v.unit_id, v.period_id, p.calendar_id, a.person_id, a.slot_key, a.shift_code, s.name AS shift_name,
               s.name_en AS shift_name_en, a.role, a.duty_date, a.starts_at, a.ends_at, u.time_zone
        FROM assignments a
        JOIN roster_versions v ON v.id = a.roster_version_id AND v.status = 'published'
        JOIN periods p ON p.id = v.period_id
        JOIN units u ON u.id = v.unit_id
        LEFT JOIN shifts s ON s.period_id = v.period_id AND s.code = a.shift_code
        """;

    /// <summary>Duties of the units' published rosters dated <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static async Task<IReadOnlyList<DutyFactRow>> OfUnitsAsync(
        DbWork work, IReadOnlyCollection<Guid> unitIds, LocalDate from, LocalDate to, CancellationToken ct) =>
        (await work.Connection.QueryAsync<DutyFactRow>(work.Command(
            Select + " WHERE v.unit_id = ANY(@ids) AND a.duty_date BETWEEN @from AND @to ORDER BY a.starts_at, a.slot_key",
            new { ids = unitIds.ToArray(), from, to }, ct))).AsList();

    /// <summary>A person's duties on any published roster that ended by <paramref name="now"/>: the duties already served.</summary>
    public static async Task<IReadOnlyList<DutyFactRow>> ServedByAsync(DbWork work, Guid personId, Instant now, CancellationToken ct) =>
        (await work.Connection.QueryAsync<DutyFactRow>(work.Command(
            Select + " WHERE a.person_id = @personId AND a.ends_at <= @now ORDER BY a.starts_at",
            new { personId, now }, ct))).AsList();
}
