using System.Globalization;
using Dapper;
using NodaTime;
using Roster.Core.Gaps;
using Roster.Core.Notifications;
using Roster.Core.Reminders;
using Roster.Core.Storage.Notifications;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Gaps;

/// <summary>
/// Opens and closes the gaps of a unit's published roster for a period. Call it in the transaction of any change that
/// affects a published roster (publish, edit, swap, leave approval, deactivation, qualification change); the scheduler's
/// scan calls it every minute as well. A gap is opened once (unique while open) and its notifications are written with it.
/// </summary>
public static class GapDetector
{
    /// <summary>How far ahead a check looks by default.</summary>
    public static readonly Duration DefaultHorizon = Duration.FromDays(7);

    /// <summary>
    /// Checks the slots that end after <paramref name="now"/> and start before now + <paramref name="horizon"/>
    /// (<see cref="DefaultHorizon"/> when null). Gaps of slots already over are left as they are.
    /// </summary>
    public static async Task<GapDetection> DetectAsync(
        DbWork work, Guid unitId, Guid periodId, Instant now, CancellationToken ct, Duration? horizon = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var windowEnd = now + (horizon ?? DefaultHorizon);
        await work.LockAsync($"gaps:{unitId}:{periodId}", ct);
        var unit = await UnitStore.FindAsync(work, unitId, ct) ?? throw new ArgumentException($"No unit {unitId}.", nameof(unitId));
        var period = await PeriodStore.FindAsync(work, periodId, ct) ?? throw new ArgumentException($"No period {periodId}.", nameof(periodId));
        var versionId = await work.Connection.QuerySingleOrDefaultAsync<Guid?>(work.Command("""
            SELECT id FROM roster_versions WHERE unit_id = @unitId AND period_id = @periodId AND status = 'published'
            ORDER BY number DESC LIMIT 1
            """, new { unitId, periodId }, ct));

        var detected = new List<DetectedGap>();
        var zone = DateTimeZoneProviders.Tzdb[unit.TimeZone];
        var range = RequiredSlots.Clip(period, now.InZone(zone).Date.PlusDays(-2), windowEnd.InZone(zone).Date);
        if (versionId is { } version && range is not null)
        {
            var (all, _) = await RequiredSlots.ExpandAsync(work, period, unit, range, ct);
            var slots = all.Where(s => s.End > now && s.Start < windowEnd).ToList();
            var facts = await FactsAsync(work, version, range, now, windowEnd, ct);
            detected.AddRange(GapFinder.Find(slots, facts));
        }

        var opened = await OpenAsync(work, unitId, periodId, detected, now, ct);
        var resolved = await work.Connection.ExecuteAsync(work.Command("""
            UPDATE gaps SET resolved_at = @now
            WHERE unit_id = @unitId AND period_id = @periodId AND resolved_at IS NULL AND kind = ANY(@kinds)
              AND ends_at > @now AND starts_at < @windowEnd AND NOT ((kind || '|' || gap_key) = ANY(@found))
            """, new
        {
            unitId, periodId, now, windowEnd, kinds = GapKinds.FromRoster.ToArray(),
            found = detected.Select(d => d.Kind + "|" + d.Key).ToArray(),
        }, ct));
        var ids = await NotifyAsync(work, unit, opened, now, ct);
        return new GapDetection(opened, resolved, ids);
    }

    private static async Task<RosterFacts> FactsAsync(
        DbWork work, Guid versionId, DateInterval range, Instant from, Instant to, CancellationToken ct)
    {
        var assignments = (await work.Connection.QueryAsync<AssignmentFact>(work.Command("""
            SELECT slot_key, shift_code, role, person_id, starts_at, ends_at FROM assignments WHERE roster_version_id = @versionId
            """, new { versionId }, ct)))
            .Select(a => new PlannedAssignment(a.SlotKey, a.ShiftCode, a.Role, a.PersonId, a.StartsAt, a.EndsAt)).ToList();
        var people = assignments.Select(a => a.PersonId).Distinct().ToArray();
        var facts = (await work.Connection.QueryAsync<PersonFactRow>(work.Command("""
            SELECT 'person' AS fact, id AS person_id, active, roles, NULL::date AS first_day, NULL::date AS last_day,
                   NULL::timestamptz AS starts_at, NULL::timestamptz AS ends_at
            FROM people WHERE id = ANY(@people)
            UNION ALL
            SELECT 'leave', person_id, true, '{}', first_day, last_day, NULL, NULL
            FROM leaves WHERE person_id = ANY(@people) AND status = 'approved' AND first_day <= @last AND last_day >= @first
            UNION ALL
            SELECT 'duty', a.person_id, true, '{}', NULL, NULL, a.starts_at, a.ends_at
            FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
            WHERE v.status = 'published' AND v.id <> @versionId AND a.person_id = ANY(@people) AND a.starts_at < @to AND a.ends_at > @from
            """, new { people, first = range.Start, last = range.End, versionId, from, to }, ct))).AsList();
        return new RosterFacts(
            assignments,
            facts.Where(f => f.Fact == "person" && !f.Active).Select(f => f.PersonId).ToHashSet(),
            facts.Where(f => f.Fact == "person").ToDictionary(f => f.PersonId, f => (IReadOnlySet<string>)f.Roles.ToHashSet(StringComparer.Ordinal)),
            facts.Where(f => f.Fact == "leave").GroupBy(f => f.PersonId).ToDictionary(
                g => g.Key, g => (IReadOnlyList<DateInterval>)[.. g.Select(f => new DateInterval(f.FirstDay!.Value, f.LastDay!.Value))]),
            facts.Where(f => f.Fact == "duty").GroupBy(f => f.PersonId).ToDictionary(
                g => g.Key, g => (IReadOnlyList<Interval>)[.. g.Select(f => new Interval(f.StartsAt!.Value, f.EndsAt!.Value))]));
    }

    private static async Task<IReadOnlyList<GapRow>> OpenAsync(
        DbWork work, Guid unitId, Guid periodId, List<DetectedGap> detected, Instant now, CancellationToken ct)
    {
        if (detected.Count == 0)
        {
            return [];
        }

        var rows = await work.Connection.QueryAsync<GapRow>(work.Command($"""
            INSERT INTO gaps (unit_id, period_id, kind, gap_key, slot_key, role, person_id, starts_at, ends_at, detail, first_seen_at)
            SELECT @unitId, @periodId, t.kind, t.k, t.slot, t.role, t.person, t.s, t.e, t.detail, @now
            FROM unnest(@kinds, @keys, @slots, @roles, @persons, @starts, @ends, @details) AS t(kind, k, slot, role, person, s, e, detail)
            ON CONFLICT (unit_id, kind, gap_key) WHERE resolved_at IS NULL DO NOTHING
            RETURNING {GapRow.Columns}
            """, new
        {
            unitId, periodId, now,
            kinds = detected.Select(d => d.Kind).ToArray(),
            keys = detected.Select(d => d.Key).ToArray(),
            slots = detected.Select(d => d.SlotKey).ToArray(),
            roles = detected.Select(d => d.Role).ToArray(),
            persons = detected.Select(d => d.PersonId).ToArray(),
            starts = detected.Select(d => d.Start).ToArray(),
            ends = detected.Select(d => d.End).ToArray(),
            details = detected.Select(d => d.Detail).ToArray(),
        }, ct));
        return rows.AsList();
    }

    private static async Task<IReadOnlyList<long>> NotifyAsync(DbWork work, UnitRow unit, IReadOnlyList<GapRow> opened, Instant now, CancellationToken ct)
    {
        if (opened.Count == 0)
        {
            return [];
        }

        var recipients = await GapRecipients.ForUnitAsync(work, unit.Id, ct);
        var targets = await NotificationOutbox.TargetsAsync(work, unit.Id, ct);
        var ids = new List<long>();
        foreach (var gap in opened)
        {
            var (title, body) = GapText.Write(gap.Kind, unit.Name, unit.NameEn ?? unit.Name, gap.SlotKey ?? "", gap.Detail);
            var data = new
            {
                gapId = gap.Id, kind = gap.Kind, unitId = unit.Id, slotKey = gap.SlotKey, role = gap.Role, personId = gap.PersonId,
                startsAt = gap.StartsAt.ToString(), endsAt = gap.EndsAt.ToString(), detail = gap.Detail,
            };
            ids.AddRange(await NotificationOutbox.AddAsync(
                work, unit.Id, NotificationReasons.GapOpened, gap.Id.ToString("N", CultureInfo.InvariantCulture), recipients, targets,
                title, body, data, now, now, enqueueAfterCommit: false, ct));
        }

        return ids;
    }
}
