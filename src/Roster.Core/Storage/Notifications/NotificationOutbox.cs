using System.Text.Json;
using Dapper;
using NodaTime;
using Roster.Core.Notifications;

namespace Roster.Core.Storage.Notifications;

/// <summary>
/// Writes notifications in the transaction of their cause. A row is unique by idempotency key, so writing the same
/// cause twice writes one row. Inbox rows are delivered by existing; the others wait for a delivery job.
/// </summary>
public static class NotificationOutbox
{
    /// <summary>Writes one notification per channel of each recipient, plus one per active webhook target of the unit.</summary>
    /// <remarks>
    /// <c>enqueueAfterCommit</c>: true when the caller hands the new ids to the delivery queue right after commit
    /// (the relay picks up the rest).
    /// </remarks>
    /// <returns>Ids of the rows written that need a delivery job; rows that already existed are not returned.</returns>
    public static async Task<IReadOnlyList<long>> AddAsync(
        DbWork work, Guid unitId, string reason, string subjectKey, IReadOnlyList<Recipient> recipients,
        IReadOnlyList<WebhookTargetRow> targets, string title, string body, object data, Instant dueAt, Instant now,
        bool enqueueAfterCommit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(targets);
        var json = JsonSerializer.Serialize(data);
        var drafts = new List<NotificationDraft>();
        foreach (var r in recipients)
        {
            if (r.Channels.Contains(NotificationChannels.Inbox))
            {
                drafts.Add(new(unitId, NotificationChannels.Inbox, reason, subjectKey, r.PersonId, r.PersonId is null ? r.AccountId : null, null, null, title, body, json, dueAt));
            }

            if (r.Channels.Contains(NotificationChannels.Email) && !string.IsNullOrWhiteSpace(r.Email))
            {
                drafts.Add(new(unitId, NotificationChannels.Email, reason, subjectKey, r.PersonId, r.PersonId is null ? r.AccountId : null, null, r.Email, title, body, json, dueAt));
            }
        }

        drafts.AddRange(targets.Select(t =>
            new NotificationDraft(unitId, NotificationChannels.Webhook, reason, subjectKey, null, null, t.Id, null, title, body, json, dueAt)));

        var ids = new List<long>();
        foreach (var d in drafts)
        {
            var inbox = d.Channel == NotificationChannels.Inbox;
            var id = await work.Connection.QuerySingleOrDefaultAsync<long?>(work.Command("""
                INSERT INTO notifications (idempotency_key, unit_id, channel, reason, subject_key, person_id, account_id, webhook_target_id,
                    address, title, body, data, due_at, created_at, status, next_attempt_at, enqueued_at, sent_at)
                VALUES (@IdempotencyKey, @UnitId, @Channel, @Reason, @SubjectKey, @PersonId, @AccountId, @WebhookTargetId,
                    @Address, @Title, @Body, @Data::jsonb, @DueAt, @now, @status, @now, @enqueuedAt, @sentAt)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id
                """, new
            {
                d.IdempotencyKey, d.UnitId, d.Channel, d.Reason, d.SubjectKey, d.PersonId, d.AccountId, d.WebhookTargetId,
                d.Address, d.Title, d.Body, d.Data, d.DueAt, now,
                status = inbox ? "sent" : "pending",
                enqueuedAt = enqueueAfterCommit && !inbox ? now : (Instant?)null,
                sentAt = inbox ? now : (Instant?)null,
            }, ct));
            if (id is { } value && !inbox)
            {
                ids.Add(value);
            }
        }

        return ids;
    }

    /// <summary>The channels each person chose (inbox and email when they chose nothing).</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> ChannelsAsync(
        DbWork work, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<(Guid PersonId, string[] Channels)>(work.Command(
            "SELECT person_id, channels FROM notification_preferences WHERE person_id = ANY(@ids)",
            new { ids = personIds.ToArray() }, ct));
        var chosen = rows.ToDictionary(r => r.PersonId, r => r.Channels);
        return personIds.Distinct().ToDictionary(
            id => id, id => chosen.TryGetValue(id, out var c) ? (IReadOnlyList<string>)c : NotificationChannels.Personal);
    }

    /// <summary>Active webhook targets of a unit.</summary>
    public static async Task<IReadOnlyList<WebhookTargetRow>> TargetsAsync(DbWork work, Guid unitId, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<WebhookTargetRow>(work.Command($"""
            SELECT {WebhookTargetRow.Columns} FROM webhook_targets WHERE unit_id = @unitId AND active ORDER BY created_at, id
            """, new { unitId }, ct));
        return rows.AsList();
    }
}
