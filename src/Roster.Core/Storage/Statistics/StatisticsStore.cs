using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Statistics;

/// <summary>
/// The facts duty statistics count besides the duties themselves, each read in one command whatever the number of units.
/// Instants are read from a day before <c>from</c> to two days after <c>to</c> in UTC, which covers the range in any time
/// zone; callers match them to duties or to their unit's local dates.
/// </summary>
public static class StatisticsStore
{
    public static async Task<IReadOnlyList<PersonEventRow>> PersonEventsAsync(
        DbWork work, IReadOnlyCollection<Guid> unitIds, LocalDate from, LocalDate to, CancellationToken ct)
    {
        const string Sql = """
            SELECT CASE WHEN late THEN 'late' ELSE 'on_time' END AS kind, unit_id, period_id, slot_key, person_id
            FROM check_ins WHERE unit_id = ANY(@ids) AND slot_starts_at >= @after AND slot_starts_at < @before
            UNION ALL
            SELECT DISTINCT 'missed', g.unit_id, g.period_id, g.slot_key, g.person_id
            FROM gaps g
            WHERE g.kind = 'missed_check_in' AND g.unit_id = ANY(@ids) AND g.starts_at >= @after AND g.starts_at < @before
              AND g.person_id IS NOT NULL AND g.period_id IS NOT NULL AND g.slot_key IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.unit_id = g.unit_id AND c.period_id = g.period_id AND c.slot_key = g.slot_key)
            UNION ALL
            SELECT 'given', unit_id, period_id, slot_key, from_person_id
            FROM swap_requests WHERE status = 'approved' AND unit_id = ANY(@ids) AND created_at < @before
            UNION ALL
            SELECT 'taken', unit_id, period_id, slot_key, to_person_id
            FROM swap_requests WHERE status = 'approved' AND to_person_id IS NOT NULL AND unit_id = ANY(@ids) AND created_at < @before
            UNION ALL
            SELECT DISTINCT 'standby', v.unit_id, v.period_id, b.duty_date::text, b.person_id
            FROM standby_assignments b JOIN roster_versions v ON v.id = b.roster_version_id
            WHERE v.status = 'published' AND v.unit_id = ANY(@ids) AND b.duty_date BETWEEN @from AND @to
            """;
        var (after, before) = Window(from, to);
        return (await work.Connection.QueryAsync<PersonEventRow>(work.Command(
            Sql, new { ids = unitIds.ToArray(), after, before, from, to }, ct))).AsList();
    }

    public static async Task<IReadOnlyList<UnitEventRow>> UnitEventsAsync(
        DbWork work, IReadOnlyCollection<Guid> unitIds, LocalDate from, LocalDate to, CancellationToken ct)
    {
        const string Sql = """
            SELECT unit_id, 'gap:' || kind AS kind, starts_at AS at, NULL::date AS day
            FROM gaps WHERE unit_id = ANY(@ids) AND starts_at >= @after AND starts_at < @before
            UNION ALL
            SELECT unit_id, 'incident', created_at, NULL
            FROM duty_log_entries WHERE kind = 'incident' AND unit_id = ANY(@ids) AND created_at >= @after AND created_at < @before
            UNION ALL
            SELECT i.unit_id, 'spot:' || coalesce(i.outcome, 'pending'), c.at, NULL
            FROM spot_check_items i JOIN spot_checks c ON c.id = i.spot_check_id
            WHERE i.unit_id = ANY(@ids) AND c.at >= @after AND c.at < @before
            UNION ALL
            SELECT unit_id, CASE WHEN late THEN 'report:late' ELSE 'report:on_time' END, NULL, day
            FROM daily_reports WHERE unit_id = ANY(@ids) AND day BETWEEN @from AND @to
            """;
        var (after, before) = Window(from, to);
        return (await work.Connection.QueryAsync<UnitEventRow>(work.Command(
            Sql, new { ids = unitIds.ToArray(), after, before, from, to }, ct))).AsList();
    }

    /// <summary>Active people of the units, every person in <paramref name="alsoIds"/>, or only <paramref name="onlyId"/>.</summary>
    public static async Task<IReadOnlyList<PersonNameRow>> PeopleAsync(
        DbWork work, IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Guid> alsoIds, Guid? onlyId, CancellationToken ct)
    {
        const string Sql = """
            SELECT p.id, p.name, p.unit_id, u.name AS unit_name
            FROM people p JOIN units u ON u.id = p.unit_id
            WHERE CASE WHEN @onlyId::uuid IS NULL THEN (p.unit_id = ANY(@ids) AND p.active) OR p.id = ANY(@alsoIds) ELSE p.id = @onlyId END
            """;
        return (await work.Connection.QueryAsync<PersonNameRow>(work.Command(
            Sql, new { ids = unitIds.ToArray(), alsoIds = alsoIds.ToArray(), onlyId }, ct))).AsList();
    }

    private static (Instant After, Instant Before) Window(LocalDate from, LocalDate to) =>
        (from.PlusDays(-1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), to.PlusDays(2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
}
