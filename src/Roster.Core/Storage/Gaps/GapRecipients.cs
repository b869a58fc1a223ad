using Dapper;
using Roster.Core.Notifications;
using Roster.Core.Storage.Notifications;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Gaps;

/// <summary>Who hears of a unit's gaps: its admins and every admin or supervisor above it (grants on an ancestor).</summary>
public static class GapRecipients
{
    public static async Task<IReadOnlyList<Recipient>> ForUnitAsync(DbWork work, Guid unitId, CancellationToken ct)
    {
        var units = await UnitStore.AncestorsAndSelfAsync(work, unitId, ct).ConfigureAwait(false);
        var rows = (await work.Connection.QueryAsync<(Guid AccountId, Guid? PersonId, string? Email)>(work.Command("""
            SELECT DISTINCT a.id, a.person_id, p.email
            FROM grants g JOIN accounts a ON a.id = g.account_id LEFT JOIN people p ON p.id = a.person_id
            WHERE a.active AND g.unit_id = ANY(@units) AND g.role IN ('admin', 'supervisor')
            ORDER BY a.id
            """, new { units = units.ToArray() }, ct)).ConfigureAwait(false)).AsList();
        var persons = rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).ToList();
        var channels = await NotificationOutbox.ChannelsAsync(work, persons, ct).ConfigureAwait(false);
        // Accounts are the recipients (the inbox belongs to the account); the person only lends an email address and choices.
        return [.. rows.Select(r => new Recipient(
            null, r.AccountId, r.Email, r.PersonId is { } p ? channels[p] : NotificationChannels.Personal))];
    }
}
