using Dapper;
using Roster.Core.Notifications;
using Roster.Core.Storage.Notifications;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Duty;

/// <summary>Who hears of duty events: the people involved, the leader on duty, and the supervisors above a unit.</summary>
public static class DutyRecipients
{
    /// <summary>The accounts of the given people (an account is where the inbox lives).</summary>
    public static async Task<IReadOnlyList<Recipient>> PeopleAsync(DbWork work, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var rows = (await work.Connection.QueryAsync<(Guid AccountId, Guid PersonId, string? Email)>(work.Command("""
            SELECT a.id, p.id, p.email FROM accounts a JOIN people p ON p.id = a.person_id
            WHERE a.active AND a.person_id = ANY(@ids) ORDER BY a.id
            """, new { ids = personIds.ToArray() }, ct))).AsList();
        var channels = await NotificationOutbox.ChannelsAsync(work, rows.Select(r => r.PersonId).ToList(), ct);
        return [.. rows.Select(r => new Recipient(null, r.AccountId, r.Email, channels[r.PersonId]))];
    }

    /// <summary>Supervisors of the unit or any unit above it (the bureau's view).</summary>
    public static async Task<IReadOnlyList<Recipient>> SupervisorsAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        await WithRolesAboveAsync(work, unitId, ["supervisor"], ct);

    /// <summary>Administrators of the unit or any unit above it.</summary>
    public static async Task<IReadOnlyList<Recipient>> AdminsAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        await WithRolesAboveAsync(work, unitId, ["admin"], ct);

    /// <summary>The leader on duty in the unit at the slot's start (published roster), if any.</summary>
    public static Task<Guid?> LeaderOnDutyAsync(DbWork work, Guid unitId, NodaTime.Instant at, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<Guid?>(work.Command("""
            SELECT a.person_id FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
            WHERE v.unit_id = @unitId AND v.status = 'published' AND a.role = 'leader' AND a.starts_at <= @at AND @at < a.ends_at
            ORDER BY a.slot_key LIMIT 1
            """, new { unitId, at }, ct));

    /// <summary>Accounts granted one of <paramref name="roles"/> on the unit or any unit above it.</summary>
    public static async Task<IReadOnlyList<Recipient>> WithRolesAboveAsync(
        DbWork work, Guid unitId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var units = await UnitStore.AncestorsAndSelfAsync(work, unitId, ct);
        var rows = (await work.Connection.QueryAsync<(Guid AccountId, Guid? PersonId, string? Email)>(work.Command("""
            SELECT DISTINCT a.id, a.person_id, p.email
            FROM grants g JOIN accounts a ON a.id = g.account_id LEFT JOIN people p ON p.id = a.person_id
            WHERE a.active AND g.unit_id = ANY(@units) AND g.role = ANY(@roles)
            ORDER BY a.id
            """, new { units = units.ToArray(), roles = roles.ToArray() }, ct))).AsList();
        var persons = rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).ToList();
        var channels = await NotificationOutbox.ChannelsAsync(work, persons, ct);
        return [.. rows.Select(r => new Recipient(null, r.AccountId, r.Email, r.PersonId is { } p ? channels[p] : NotificationChannels.Personal))];
    }
}
