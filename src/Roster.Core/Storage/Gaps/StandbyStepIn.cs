using System.Text.Json;
using Dapper;
using NodaTime;
using Roster.Core.Gaps;
using Roster.Core.Model;
using Roster.Core.Notifications;
using Roster.Core.Rules;
using Roster.Core.Storage.Auditing;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Generation;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Reminders;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Gaps;

/// <summary>
/// Automatic step-in (备班自动顶岗): where the unit's duty settings allow it, each open gap of the published roster whose
/// slot has a standby is filled by that standby at once — a live change (the published version is superseded by a copy),
/// audited, and the standby, the person replaced and the leader on duty are told once. Call it in a transaction after
/// the gaps were detected (the scheduler's scan; leave approval).
/// </summary>
public static class StandbyStepIn
{
    /// <summary>The gaps a standby fills: a slot nobody holds, or whose holder cannot or did not come.</summary>
    public static readonly IReadOnlyList<string> Kinds = [GapKinds.Unfilled, GapKinds.Unavailable, GapKinds.Conflict, GapKinds.MissedCheckIn];

    /// <summary>Fills what it can; returns how many slots a standby took over.</summary>
    public static async Task<int> RunAsync(DbWork work, Guid unitId, Guid periodId, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!(await DutySettingsStore.ForUnitAsync(work, unitId, ct)).StandbyStepsIn)
        {
            return 0;
        }

        var gaps = (await work.Connection.QueryAsync<GapRow>(work.Command($"""
            SELECT {GapRow.Columns} FROM gaps
            WHERE unit_id = @unitId AND period_id = @periodId AND resolved_at IS NULL AND slot_key IS NOT NULL
              AND kind = ANY(@kinds) AND ends_at > @now
            ORDER BY starts_at, id
            """, new { unitId, periodId, now, kinds = Kinds.ToArray() }, ct))).AsList();
        if (gaps.Count == 0)
        {
            return 0;
        }

        await RosterStore.LockAsync(work, periodId, unitId, ct);
        var published = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
        var period = await PeriodStore.FindAsync(work, periodId, ct);
        var unit = await UnitStore.FindAsync(work, unitId, ct);
        if (published is null || period is null || unit is null)
        {
            return 0;
        }

        RosterInputs? inputs = null;
        Dictionary<string, string>? roster = null;
        RosterVersionRow? live = null;
        var steps = 0;
        foreach (var gap in gaps)
        {
            var standbys = (await StandbyStore.PublishedForSlotAsync(work, periodId, unitId, gap.SlotKey!, ct))
                .Where(s => s.SteppedInAt is null).ToList();
            if (standbys.Count == 0)
            {
                continue;
            }

            if (inputs is null)
            {
                inputs = await ProblemLoader.LoadAsync(work, period, unit, null, published, ct);
                roster = (await AssignmentStore.OfVersionAsync(work, published.Id, ct))
                    .ToDictionary(a => a.SlotKey, a => a.PersonId.ToString(), StringComparer.Ordinal);
            }

            // Once filled, the gap is someone else's slot: an unfilled gap only while empty, the others while their person holds it.
            var map = roster!;
            var holder = map.GetValueOrDefault(gap.SlotKey!);
            var stillOpen = gap.Kind == GapKinds.Unfilled ? holder is null : holder == gap.PersonId?.ToString();
            if (!stillOpen || !inputs.Slots.TryGetValue(gap.SlotKey!, out var slot))
            {
                continue;
            }

            var standby = standbys.FirstOrDefault(s => s.PersonId.ToString() != holder && Fits(inputs, map, gap.SlotKey!, s.PersonId.ToString()));
            if (standby is null)
            {
                continue;
            }

            live ??= await RosterStore.RepublishCopyAsync(work, published, null, now, ct);
            var row = new AssignmentRow
            {
                RosterVersionId = live.Id, SlotKey = slot.Key, ShiftCode = slot.ShiftCode, Role = slot.Role, DutyDate = slot.Date,
                PersonId = standby.PersonId, StartsAt = slot.Start, EndsAt = slot.End, Source = "standby",
            };
            await AssignmentStore.UpsertAsync(work, row, ct);
            if (await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct) is { } draft)
            {
                await AssignmentStore.UpsertAsync(work, new AssignmentRow
                {
                    RosterVersionId = draft.Id, SlotKey = slot.Key, ShiftCode = slot.ShiftCode, Role = slot.Role, DutyDate = slot.Date,
                    PersonId = standby.PersonId, StartsAt = slot.Start, EndsAt = slot.End, Source = "standby",
                }, ct);
            }

            await StandbyStore.MarkSteppedInAsync(work, live.Id, standby.SlotKey, slot.Key, now, ct);
            map[slot.Key] = standby.PersonId.ToString();
            var replaced = holder is null ? (Guid?)null : Guid.Parse(holder);
            await AuditStore.AppendAsync(work, new AuditEntry
            {
                At = now, UnitId = unitId, Entity = "assignment", EntityId = $"{live.Id}/{slot.Key}", Action = "standby-step-in",
                Before = JsonSerializer.Serialize(new { slotKey = slot.Key, personId = replaced }),
                After = JsonSerializer.Serialize(new { slotKey = slot.Key, personId = standby.PersonId, standbySlot = standby.SlotKey, gapId = gap.Id, gapKind = gap.Kind }),
            }, ct);
            await NotifyAsync(work, unit, gap, slot.Key, slot.Start, standby.PersonId, replaced, now, ct);
            steps++;
        }

        if (live is not null)
        {
            await ReminderPlanner.SyncForVersionAsync(work, live.Id, now, ct);
            await SwapStore.CancelStaleAsync(work, periodId, unitId, live.Id, now, ct);
            var end = period.LastDay.PlusDays(2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            await GapDetector.DetectAsync(work, unitId, periodId, now, ct, Duration.Max(GapDetector.DefaultHorizon, end - now));
        }

        return steps;
    }

    /// <summary>Whether the person can take the slot without breaking a hard rule the roster did not break already.</summary>
    private static bool Fits(RosterInputs inputs, Dictionary<string, string> roster, string slotKey, string personId)
    {
        var problem = inputs.Problem with { Previous = [] };
        var without = new Dictionary<string, string>(roster, StringComparer.Ordinal);
        without.Remove(slotKey);
        var baseline = RosterValidator.Validate(problem, without).HardViolations.Count;
        without[slotKey] = personId;
        return RosterValidator.Validate(problem, without).HardViolations.Count <= baseline;
    }

    private static async Task NotifyAsync(
        DbWork work, UnitRow unit, GapRow gap, string slotKey, Instant slotStart, Guid standby, Guid? replaced, Instant now, CancellationToken ct)
    {
        var people = new List<Guid> { standby };
        if (replaced is { } r)
        {
            people.Add(r);
        }

        if (await DutyRecipients.LeaderOnDutyAsync(work, unit.Id, slotStart, ct) is { } leader)
        {
            people.Add(leader);
        }

        var recipients = await DutyRecipients.PeopleAsync(work, people.Distinct().ToList(), ct);
        var names = (await work.Connection.QueryAsync<(Guid Id, string Name)>(work.Command(
            "SELECT id, name FROM people WHERE id = ANY(@ids)", new { ids = people.ToArray() }, ct)))
            .ToDictionary(p => p.Id, p => p.Name);
        var (title, body) = StandbyText.SteppedIn(unit.Name, unit.NameEn ?? unit.Name, slotKey, names.GetValueOrDefault(standby, ""),
            replaced is { } p ? names.GetValueOrDefault(p, "") : null, gap.Kind);
        await DutyNotices.SendAsync(work, unit.Id, NotificationReasons.StandbySteppedIn, gap.Id.ToString("N", System.Globalization.CultureInfo.InvariantCulture),
            recipients, title, body, new { gapId = gap.Id, kind = gap.Kind, unitId = unit.Id, slotKey, standbyPersonId = standby, replacedPersonId = replaced },
            now, ct);
    }
}
