using System.Globalization;
using Dapper;
using NodaTime;
using Roster.Core.Notifications;
using Roster.Core.Reminders;
using Roster.Core.Storage.Notifications;

namespace Roster.Core.Storage.Reminders;

/// <summary>
/// Turns due reminders into notifications. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several schedulers
/// can run this at once and each reminder is handled by exactly one of them, in one transaction with its notifications.
/// </summary>
public static class ReminderDispatcher
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> pending reminders due at <paramref name="now"/>. A reminder whose shift has
    /// started (a handover one: whose shift has ended) is too late to help: it is recorded as missed, not sent.
    /// </summary>
    public static async Task<DispatchResult> DispatchDueAsync(DbWork work, Instant now, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var due = (await work.Connection.QueryAsync<DueReminderRow>(work.Command("""
            SELECT r.id, r.unit_id, r.kind, r.person_id, r.slot_key, r.shift_code, r.role, r.offset_minutes, r.shift_starts_at,
                   r.shift_ends_at, r.due_at, p.name AS person_name, p.email AS person_email,
                   (SELECT a.id FROM accounts a WHERE a.person_id = p.id AND a.active ORDER BY a.id LIMIT 1) AS account_id,
                   np.name AS next_person_name, u.name AS unit_name, u.name_en AS unit_name_en, u.time_zone,
                   s.name AS shift_name, s.name_en AS shift_name_en
            FROM reminders r
            JOIN people p ON p.id = r.person_id
            JOIN units u ON u.id = r.unit_id
            LEFT JOIN people np ON np.id = r.next_person_id
            LEFT JOIN shifts s ON s.period_id = r.period_id AND s.code = r.shift_code
            WHERE r.status = 'pending' AND r.due_at <= @now
            ORDER BY r.due_at
            LIMIT @limit
            FOR UPDATE OF r SKIP LOCKED
            """, new { now, limit }, ct))).AsList();
        if (due.Count == 0)
        {
            return new DispatchResult(0, 0, []);
        }

        var missed = due.Where(r => now >= (r.Kind == ReminderKinds.Handover ? r.ShiftEndsAt : r.ShiftStartsAt)).Select(r => r.Id).ToArray();
        var send = due.Where(r => !missed.Contains(r.Id)).ToList();
        var channels = await NotificationOutbox.ChannelsAsync(work, [.. send.Select(r => r.PersonId)], ct);
        var settings = new Dictionary<Guid, ReminderSettings>();
        var targets = new Dictionary<Guid, IReadOnlyList<WebhookTargetRow>>();
        var ids = new List<long>();
        foreach (var r in send)
        {
            if (!settings.TryGetValue(r.UnitId, out var unitSettings))
            {
                unitSettings = (await ReminderSettingsStore.GetAsync(work, r.UnitId, ct)).Settings;
                settings[r.UnitId] = unitSettings;
                targets[r.UnitId] = await NotificationOutbox.TargetsAsync(work, r.UnitId, ct);
            }

            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.TimeZone) ?? DateTimeZone.Utc;
            var (title, body) = ReminderText.Write(new ReminderFacts(
                r.Kind, r.PersonName, r.UnitName, r.UnitNameEn ?? r.UnitName, r.ShiftName ?? r.ShiftCode, r.ShiftNameEn ?? r.ShiftName ?? r.ShiftCode,
                r.Role, r.ShiftStartsAt, r.ShiftEndsAt, r.OffsetMinutes, r.NextPersonName, zone), unitSettings);
            var reason = r.Kind == ReminderKinds.Handover ? NotificationReasons.Handover : NotificationReasons.Reminder;
            // The due time is part of the subject: a reminder re-armed for a moved shift is a new message.
            var subject = string.Create(CultureInfo.InvariantCulture, $"{r.Id:N}.{r.DueAt.ToUnixTimeSeconds()}");
            var recipient = new Recipient(r.PersonId, r.AccountId, r.PersonEmail, channels[r.PersonId]);
            var data = new
            {
                reminderId = r.Id, kind = r.Kind, unitId = r.UnitId, personId = r.PersonId, personName = r.PersonName,
                slotKey = r.SlotKey, shift = r.ShiftCode, role = r.Role, startsAt = r.ShiftStartsAt.ToString(), endsAt = r.ShiftEndsAt.ToString(),
                dueAt = r.DueAt.ToString(), offsetMinutes = r.OffsetMinutes,
            };
            ids.AddRange(await NotificationOutbox.AddAsync(
                work, r.UnitId, reason, subject, [recipient], targets[r.UnitId], title, body, data, r.DueAt, now, enqueueAfterCommit: true, ct));
        }

        await work.Connection.ExecuteAsync(work.Command("""
            UPDATE reminders SET status = CASE WHEN id = ANY(@missed) THEN 'missed' ELSE 'dispatched' END, dispatched_at = @now, updated_at = @now
            WHERE id = ANY(@all)
            """, new { missed, all = due.Select(r => r.Id).ToArray(), now }, ct));
        return new DispatchResult(send.Count, missed.Length, ids) { Lateness = [.. send.Select(r => now - r.DueAt)] };
    }
}
