using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Feeds;

/// <summary>What the calendar feeds show: assignments of published rosters only.</summary>
public static class FeedStore
{
    private const string Select = """
        SELECT a.slot_key, a.shift_code, s.name AS shift_name, s.name_en AS shift_name_en, a.role, a.duty_date,
               a.starts_at, a.ends_at, a.person_id, p.name AS person_name, p.phone AS person_phone,
               v.unit_id, u.name AS unit_name, u.name_en AS unit_name_en, u.time_zone, v.published_at, v.number AS version_number,
               coalesce(s.presence ->> a.role, 'on_site') AS presence, false AS standby,
               (SELECT string_agg(lp.name, '、' ORDER BY l.starts_at, lp.name)
                FROM assignments l JOIN people lp ON lp.id = l.person_id
                WHERE l.roster_version_id = a.roster_version_id AND l.role = 'leader' AND l.during && a.during) AS leaders
        FROM assignments a
        JOIN roster_versions v ON v.id = a.roster_version_id AND v.status = 'published'
        JOIN units u ON u.id = v.unit_id
        JOIN people p ON p.id = a.person_id
        LEFT JOIN shifts s ON s.period_id = v.period_id AND s.code = a.shift_code
        """;

    /// <summary>Standbys (备班) of published rosters not yet stepped in, shaped like duties (reachable, never on site).</summary>
    private const string SelectStandby = """
        SELECT a.slot_key, a.shift_code, s.name AS shift_name, s.name_en AS shift_name_en, a.role, a.duty_date,
               a.starts_at, a.ends_at, a.person_id, p.name AS person_name, p.phone AS person_phone,
               v.unit_id, u.name AS unit_name, u.name_en AS unit_name_en, u.time_zone, v.published_at, v.number AS version_number,
               'reachable' AS presence, true AS standby,
               (SELECT string_agg(lp.name, '、' ORDER BY l.starts_at, lp.name)
                FROM assignments l JOIN people lp ON lp.id = l.person_id
                WHERE l.roster_version_id = a.roster_version_id AND l.role = 'leader' AND l.during && a.during) AS leaders
        FROM standby_assignments a
        JOIN roster_versions v ON v.id = a.roster_version_id AND v.status = 'published'
        JOIN units u ON u.id = v.unit_id
        JOIN people p ON p.id = a.person_id
        LEFT JOIN shifts s ON s.period_id = v.period_id AND s.code = a.shift_code
        """;

    /// <summary>A person's published duties and standbys that end after <paramref name="since"/>, in start order.</summary>
    public static async Task<IReadOnlyList<FeedEventRow>> OfPersonAsync(DbWork work, Guid personId, Instant since, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<FeedEventRow>(work.Command(
            "SELECT * FROM (" + Select + " WHERE a.person_id = @personId AND a.ends_at > @since UNION ALL "
            + SelectStandby + " WHERE a.person_id = @personId AND a.ends_at > @since AND a.stepped_in_at IS NULL) e ORDER BY e.starts_at, e.standby, e.slot_key",
            new { personId, since }, ct));
        return rows.AsList();
    }

    /// <summary>Every published duty of one unit (not its subtree) that ends after <paramref name="since"/>, in start order.</summary>
    public static async Task<IReadOnlyList<FeedEventRow>> OfUnitAsync(DbWork work, Guid unitId, Instant since, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<FeedEventRow>(work.Command(
            Select + " WHERE v.unit_id = @unitId AND a.ends_at > @since ORDER BY a.starts_at, a.slot_key",
            new { unitId, since }, ct));
        return rows.AsList();
    }
}
