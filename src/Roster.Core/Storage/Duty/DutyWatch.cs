using System.Globalization;
using Dapper;
using NodaTime;
using Roster.Core.Gaps;
using Roster.Core.Notifications;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Notifications;

namespace Roster.Core.Storage.Duty;

/// <summary>
/// The clustered scans behind check-in, daily reports and incidents: missed check-ins (told to the leader on duty and
/// the unit's admins, then escalated to supervisors), late daily reports (told to admins and supervisors), and
/// incidents not acknowledged in time (escalated to every supervisor above). Each opens its gap or writes its notice
/// once: the gap's unique open key and the outbox's idempotency key make repeated scans harmless.
/// </summary>
public static class DutyWatch
{
    /// <summary>How long a missed check-in stays with the unit before the supervisors hear of it.</summary>
    public static readonly Duration MissedCheckInEscalation = Duration.FromMinutes(10);

    /// <summary>How far back a scan looks (a scan after a long outage still catches up this far).</summary>
    public static readonly Duration LookBack = Duration.FromDays(2);

    public static async Task<int> RunAsync(DbWork work, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var count = await MissedCheckInsAsync(work, now, ct);
        count += await EscalateMissedCheckInsAsync(work, now, ct);
        count += await LateReportsAsync(work, now, ct);
        count += await EscalateIncidentsAsync(work, now, ct);
        return count;
    }

    /// <summary>Closes the missed check-in gap of a slot once someone is confirmed on post after all.</summary>
    public static Task ResolveMissedCheckInAsync(DbWork work, Guid unitId, Guid periodId, string slotKey, Instant now, CancellationToken ct) =>
        ResolveAsync(work, unitId, GapKinds.MissedCheckIn, periodId + "/" + slotKey, now, ct);

    /// <summary>Closes the late-report gap of a day once its report is filed.</summary>
    public static Task ResolveLateReportAsync(DbWork work, Guid unitId, Guid periodId, LocalDate day, Instant now, CancellationToken ct) =>
        ResolveAsync(work, unitId, GapKinds.LateReport, periodId + "/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now, ct);

    private static Task<int> ResolveAsync(DbWork work, Guid unitId, string kind, string key, Instant now, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "UPDATE gaps SET resolved_at = @now WHERE unit_id = @unitId AND kind = @kind AND gap_key = @key AND resolved_at IS NULL",
            new { unitId, kind, key, now }, ct));

    private static async Task<int> MissedCheckInsAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var opened = (await work.Connection.QueryAsync<GapRow>(work.Command($"""
            INSERT INTO gaps (unit_id, period_id, kind, gap_key, slot_key, role, person_id, starts_at, ends_at, detail, first_seen_at)
            SELECT v.unit_id, v.period_id, '{GapKinds.MissedCheckIn}', v.period_id::text || '/' || a.slot_key, a.slot_key, a.role,
                   a.person_id, a.starts_at, a.ends_at, 'no check-in by ' || (a.starts_at + coalesce(s.check_in_closes_after, interval '15 minutes')), @now
            FROM assignments a
            JOIN roster_versions v ON v.id = a.roster_version_id AND v.status = 'published'
            LEFT JOIN duty_settings s ON s.unit_id = v.unit_id
            WHERE a.starts_at + coalesce(s.check_in_closes_after, interval '15 minutes') <= @now
              AND a.starts_at > @since AND a.ends_at > @now
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.unit_id = v.unit_id AND c.period_id = v.period_id AND c.slot_key = a.slot_key)
            ON CONFLICT (unit_id, kind, gap_key) WHERE resolved_at IS NULL DO NOTHING
            RETURNING {GapRow.Columns}
            """, new { now, since = now - LookBack }, ct))).AsList();
        foreach (var gap in opened)
        {
            var people = new List<Guid>();
            if (await DutyRecipients.LeaderOnDutyAsync(work, gap.UnitId, gap.StartsAt, ct) is { } leader && leader != gap.PersonId)
            {
                people.Add(leader);
            }

            var recipients = (await DutyRecipients.PeopleAsync(work, people, ct))
                .Concat(await DutyRecipients.AdminsAsync(work, gap.UnitId, ct)).ToList();
            await GapNoticeAsync(work, gap, NotificationReasons.GapOpened, recipients, now, ct);
        }

        return opened.Count;
    }

    private static async Task<int> EscalateMissedCheckInsAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var open = (await work.Connection.QueryAsync<GapRow>(work.Command($"""
            SELECT {GapRow.Columns} FROM gaps
            WHERE kind = '{GapKinds.MissedCheckIn}' AND resolved_at IS NULL AND first_seen_at <= @due AND first_seen_at > @since
            """, new { due = now - MissedCheckInEscalation, since = now - LookBack }, ct))).AsList();
        var written = 0;
        foreach (var gap in open)
        {
            var supervisors = await DutyRecipients.SupervisorsAsync(work, gap.UnitId, ct);
            written += (await GapNoticeAsync(work, gap, DutyNotices.MissedCheckInEscalated, supervisors, now, ct)).Count;
        }

        return written;
    }

    /// <summary>For each unit with a published roster for a period, each past deadline of the period with no report opens a gap.</summary>
    private static async Task<int> LateReportsAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var missing = (await work.Connection.QueryAsync<LateReportCandidate>(work.Command("""
            SELECT v.unit_id, v.period_id, u.time_zone, p.daily_report_due, d::date AS day
            FROM roster_versions v
            JOIN periods p ON p.id = v.period_id
            JOIN units u ON u.id = v.unit_id
            CROSS JOIN LATERAL generate_series(greatest(p.first_day, (@now::timestamptz - @lookBack)::date), least(p.last_day, @now::date), interval '1 day') AS d
            WHERE v.status = 'published'
              AND NOT EXISTS (SELECT 1 FROM daily_reports r WHERE r.unit_id = v.unit_id AND r.period_id = v.period_id AND r.day = d::date)
            """, new { now, lookBack = LookBack }, ct))).AsList();
        var opened = 0;
        foreach (var m in missing)
        {
            var due = m.Day.At(m.DailyReportDue).InZoneLeniently(DateTimeZoneProviders.Tzdb[m.TimeZone]).ToInstant();
            if (due > now)
            {
                continue;
            }

            var day = m.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var gap = await work.Connection.QuerySingleOrDefaultAsync<GapRow>(work.Command($"""
                INSERT INTO gaps (unit_id, period_id, kind, gap_key, starts_at, ends_at, detail, first_seen_at)
                VALUES (@UnitId, @PeriodId, '{GapKinds.LateReport}', @key, @due, @end, @detail, @now)
                ON CONFLICT (unit_id, kind, gap_key) WHERE resolved_at IS NULL DO NOTHING
                RETURNING {GapRow.Columns}
                """, new { m.UnitId, m.PeriodId, key = m.PeriodId + "/" + day, due, end = due + Duration.FromDays(1), detail = "daily report for " + day + " not filed by " + due, now }, ct));
            if (gap is not null)
            {
                var recipients = await GapRecipients.ForUnitAsync(work, m.UnitId, ct);
                await GapNoticeAsync(work, gap, NotificationReasons.GapOpened, recipients, now, ct);
                opened++;
            }
        }

        return opened;
    }

    private static async Task<int> EscalateIncidentsAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var overdue = (await work.Connection.QueryAsync<DutyLogEntryRow>(work.Command("""
            SELECT e.id, e.unit_id, e.period_id, e.kind, e.category, e.severity, e.body, e.created_at, e.ack_due_at, e.author_id
            FROM duty_log_entries e LEFT JOIN incident_acknowledgements a ON a.incident_id = e.id
            WHERE e.kind = 'incident' AND a.incident_id IS NULL AND e.ack_due_at <= @now AND e.ack_due_at > @since
            """, new { now, since = now - LookBack }, ct))).AsList();
        var written = 0;
        foreach (var incident in overdue)
        {
            var recipients = await DutyRecipients.WithRolesAboveAsync(work, incident.UnitId, ["admin", "supervisor"], ct);
            written += (await DutyNotices.SendAsync(work, incident.UnitId, DutyNotices.IncidentEscalated, incident.Id.ToString("N"), recipients,
                "突发事件未确认 Incident not acknowledged",
                $"【突发事件升级】{incident.Category}（{incident.Severity}）未在期限内确认：{incident.Body}\n[Escalated incident] {incident.Category} ({incident.Severity}) was not acknowledged by {incident.AckDueAt}: {incident.Body}",
                new { incidentId = incident.Id, unitId = incident.UnitId, ackDueAt = incident.AckDueAt?.ToString() }, now, ct)).Count;
        }

        return written;
    }

    private static Task<IReadOnlyList<long>> GapNoticeAsync(
        DbWork work, GapRow gap, string reason, IReadOnlyList<Recipient> recipients, Instant now, CancellationToken ct)
    {
        var (title, body) = GapText.Write(gap.Kind, "", "", gap.SlotKey ?? gap.GapKey, gap.Detail);
        return DutyNotices.SendAsync(work, gap.UnitId, reason, gap.Id.ToString("N"), recipients, title, body,
            new { gapId = gap.Id, kind = gap.Kind, unitId = gap.UnitId, slotKey = gap.SlotKey, detail = gap.Detail }, now, ct);
    }
}
