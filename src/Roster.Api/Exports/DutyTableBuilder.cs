using NodaTime;
using NodaTime.Text;
using Roster.Core.Calendars;
using Roster.Core.Model;
using Roster.Core.Oversight;
using Roster.Core.Slots;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.Exports;

/// <summary>Lays a roster version out as a duty table: days down, shift × role across, people (with phones) in the cells.</summary>
internal static class DutyTableBuilder
{
    private static readonly Dictionary<RosterStatus, string> StatusWords = new()
    {
        [RosterStatus.Draft] = "草稿 draft",
        [RosterStatus.Published] = "已发布 published",
        [RosterStatus.Superseded] = "已替换 superseded",
    };

    public static DutyTable Build(
        PeriodRow period, UnitRow unit, RosterVersionRow version, IReadOnlyList<ShiftRow> shifts, IReadOnlyList<ShiftSlot> slots,
        HolidayCalendar calendar, IReadOnlyList<AssignmentRow> assignments, IReadOnlyDictionary<Guid, PersonRow> people,
        IReadOnlyList<StandbyRow> standby)
    {
        var shiftByCode = shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var columns = slots.Select(s => (s.ShiftCode, s.Role))
            .Concat(assignments.Select(a => (a.ShiftCode, a.Role)))
            .Distinct()
            .OrderBy(c => shiftByCode.TryGetValue(c.ShiftCode, out var s) ? s.StartsAt : LocalTime.MaxValue)
            .ThenBy(c => c.ShiftCode, StringComparer.Ordinal)
            .ThenBy(c => RoleRank(c.Role))
            .ThenBy(c => c.Role, StringComparer.Ordinal)
            .SelectMany(c => StandbyColumn(c.ShiftCode, c.Role, shiftByCode.GetValueOrDefault(c.ShiftCode), standby) is { } sb
                ? new[] { Column(c.ShiftCode, c.Role, shiftByCode.GetValueOrDefault(c.ShiftCode)), sb }
                : [Column(c.ShiftCode, c.Role, shiftByCode.GetValueOrDefault(c.ShiftCode))])
            .ToList();
        var standbyByCell = standby.ToLookup(s => (s.DutyDate, s.ShiftCode, s.Role));
        var byKey = assignments.ToDictionary(a => a.SlotKey, StringComparer.Ordinal);
        var slotsByCell = slots.ToLookup(s => (s.Date, s.ShiftCode, s.Role));
        // Assignments whose slot the current shifts no longer produce still show: the table prints what was rostered.
        var slotKeys = slots.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var extraByCell = assignments.Where(a => !slotKeys.Contains(a.SlotKey)).ToLookup(a => (a.DutyDate, a.ShiftCode, a.Role));

        var rows = new List<DutyTableRow>();
        foreach (var date in new DateInterval(period.FirstDay, period.LastDay))
        {
            var type = calendar.DayTypeOf(date);
            var cells = columns.Select(c =>
            {
                if (c.Standby)
                {
                    var standing = standbyByCell[(date, c.ShiftCode, c.Role)].OrderBy(s => s.SlotKey, StringComparer.Ordinal)
                        .Select(s => Person(s.PersonId, people) + (s.SteppedInAt is null ? "" : " 已顶岗 stepped in")).ToList();
                    return standing.Count == 0 ? DutyTable.NoShift : string.Join("、", standing);
                }

                var names = slotsByCell[(date, c.ShiftCode, c.Role)].OrderBy(s => s.Index)
                    .Select(s => byKey.TryGetValue(s.Key, out var a) ? Person(a, people) : DutyTable.Unfilled)
                    .Concat(extraByCell[(date, c.ShiftCode, c.Role)].Select(a => Person(a, people)))
                    .ToList();
                return names.Count == 0 ? DutyTable.NoShift : string.Join("、", names);
            }).ToList();
            rows.Add(new DutyTableRow(date, type, DutyWords.DayTypeText(type, calendar.HolidayOn(date)), cells));
        }

        return new DutyTable(Title(period, unit, version), columns, rows);
    }

    /// <summary>e.g. 第一中学 No. 1 Middle School · 值班表 Duty roster · 元旦 2026-12-01 – 2026-12-30 · 已发布 published v2.</summary>
    private static string Title(PeriodRow period, UnitRow unit, RosterVersionRow version)
    {
        var status = StatusWords[version.Status];
        return $"{DutyWords.Both(unit.Name, unit.NameEn)} · 值班表 Duty roster · {period.Name} "
            + $"{LocalDatePattern.Iso.Format(period.FirstDay)} – {LocalDatePattern.Iso.Format(period.LastDay)} · {status} v{version.Number}";
    }

    /// <remarks>Reachable (on-call) duty is marked in its column's header; on-site duty, the default, is not.</remarks>
    private static DutyTableColumn Column(string code, string role, ShiftRow? shift)
    {
        var reachable = shift is not null && DutyPresence.Of(DutyPresence.Parse(shift.Presence), role) == DutyPresence.Reachable;
        return new(code, role, $"{shift?.Name ?? code} {DutyWords.RoleZh(role)}{(reachable ? "（可联系）" : "")}",
            $"{shift?.NameEn ?? shift?.Name ?? code} · {DutyWords.RoleEn(role)}{(reachable ? " · reachable" : "")}");
    }

    /// <summary>A standby column beside the duty column of a shift and role that asks for standby (or has any).</summary>
    private static DutyTableColumn? StandbyColumn(string code, string role, ShiftRow? shift, IReadOnlyList<StandbyRow> standby)
    {
        var asked = shift is not null && (System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(shift.Standby)?.ContainsKey(role) ?? false);
        if (!asked && !standby.Any(s => s.ShiftCode == code && s.Role == role))
        {
            return null;
        }

        return new(code, role, $"{shift?.Name ?? code} {DutyWords.RoleZh(role)}（备班）",
            $"{shift?.NameEn ?? shift?.Name ?? code} · {DutyWords.RoleEn(role)} · standby", Standby: true);
    }

    private static string Person(AssignmentRow a, IReadOnlyDictionary<Guid, PersonRow> people) => Person(a.PersonId, people);

    private static string Person(Guid personId, IReadOnlyDictionary<Guid, PersonRow> people) =>
        people.TryGetValue(personId, out var p) ? (p.Phone is null ? p.Name : $"{p.Name} {p.Phone}") : personId.ToString();

    private static int RoleRank(string role) => role switch
    {
        DutyRoles.Leader => 0,
        DutyRoles.Staff => 1,
        _ => 2,
    };
}
