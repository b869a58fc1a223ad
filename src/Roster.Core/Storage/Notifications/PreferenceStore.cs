using Dapper;

namespace Roster.Core.Storage.Notifications;

/// <summary>A person's chosen channels.</summary>
public static class PreferenceStore
{
    public static async Task<IReadOnlyList<string>> GetAsync(DbWork work, Guid personId, CancellationToken ct) =>
        (await NotificationOutbox.ChannelsAsync(work, [personId], ct))[personId];

    public static Task<int> SaveAsync(DbWork work, Guid personId, IReadOnlyCollection<string> channels, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO notification_preferences (person_id, channels) VALUES (@personId, @channels)
            ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels
            """, new { personId, channels = channels.ToArray() }, ct));
}
