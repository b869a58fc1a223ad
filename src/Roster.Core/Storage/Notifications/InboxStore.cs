using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Notifications;

/// <summary>The in-app inbox of an account: messages addressed to the account or to the person it belongs to.</summary>
public static class InboxStore
{
    private const string Mine = "channel = 'inbox' AND (account_id = @accountId OR (@personId::uuid IS NOT NULL AND person_id = @personId))";

    /// <summary>Newest first, before the id <paramref name="before"/>.</summary>
    public static async Task<IReadOnlyList<InboxRow>> ListAsync(
        DbWork work, Guid accountId, Guid? personId, bool unreadOnly, long? before, int limit, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<InboxRow>(work.Command($"""
            SELECT id, unit_id, reason, title, body, data::text AS data, created_at, read_at FROM notifications
            WHERE {Mine} AND (NOT @unreadOnly OR read_at IS NULL) AND (@before::bigint IS NULL OR id < @before)
            ORDER BY id DESC LIMIT @limit
            """, new { accountId, personId, unreadOnly, before, limit }, ct));
        return rows.AsList();
    }

    /// <summary>Marks a message read (keeping the first read time); false when it is not in this inbox.</summary>
    public static async Task<bool> MarkReadAsync(DbWork work, Guid accountId, Guid? personId, long id, Instant now, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command($"""
            UPDATE notifications SET read_at = COALESCE(read_at, @now) WHERE id = @id AND {Mine}
            """, new { accountId, personId, id, now }, ct)) == 1;
}
