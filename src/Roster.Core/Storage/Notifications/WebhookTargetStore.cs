using Dapper;

namespace Roster.Core.Storage.Notifications;

/// <summary>A unit's webhook targets.</summary>
public static class WebhookTargetStore
{
    public static async Task<IReadOnlyList<WebhookTargetRow>> ListAsync(DbWork work, Guid unitId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<WebhookTargetRow>(work.Command($"""
            SELECT {WebhookTargetRow.Columns} FROM webhook_targets WHERE unit_id = @unitId ORDER BY created_at, id
            """, new { unitId }, ct));
        return rows.AsList();
    }

    public static Task<WebhookTargetRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<WebhookTargetRow>(work.Command(
            $"SELECT {WebhookTargetRow.Columns} FROM webhook_targets WHERE id = @id", new { id }, ct));

    public static Task<WebhookTargetRow> InsertAsync(DbWork work, WebhookTargetRow target, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<WebhookTargetRow>(work.Command($"""
            INSERT INTO webhook_targets (unit_id, name, format, url, secret, active, created_at)
            VALUES (@UnitId, @Name, @Format, @Url, @Secret, @Active, @CreatedAt)
            RETURNING {WebhookTargetRow.Columns}
            """, target, ct));

    /// <summary>Deactivates rather than deletes: the delivery log keeps pointing at it.</summary>
    public static Task<int> DeactivateAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("UPDATE webhook_targets SET active = false WHERE id = @id", new { id }, ct));
}
