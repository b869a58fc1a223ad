using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Roster.Api.Exports;
using Roster.Core.Model;
using Roster.Core.Oversight;
using Roster.Core.Storage.Feeds;

namespace Roster.Api.Feeds;

/// <summary>
/// Writes published duties as an RFC 5545 calendar: one VEVENT per assignment, in the unit's own zone (with its
/// VTIMEZONE), with a display alarm an hour before the duty starts.
/// </summary>
internal static class CalendarFeedWriter
{
    /// <summary>How long before a duty the alarm goes off (a 1-hour reminder, written as TRIGGER:-PT1H).</summary>
    public const string AlarmTrigger = "-PT1H";

    /// <param name="name">The calendar's display name (X-WR-CALNAME).</param>
    /// <param name="events">The duties, in start order.</param>
    /// <param name="namePeople">True for a unit's feed, whose events name who is on duty; a person's own feed does not.</param>
    /// <param name="withPhones">False leaves phone numbers out of the events (unit feeds).</param>
    public static string Write(string name, IReadOnlyList<FeedEventRow> events, bool namePeople, bool withPhones)
    {
        var calendar = new Calendar { ProductId = "-//Roster//Duty roster 值班表//ZH", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var zone in events.Select(e => e.TimeZone).Distinct(StringComparer.Ordinal))
        {
            // Transitions from the first duty on are enough for every event in the feed.
            var first = events.First(e => e.TimeZone == zone).StartsAt.Minus(NodaTime.Duration.FromDays(366));
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, first.ToDateTimeUtc(), includeHistoricalData: false));
        }

        foreach (var row in events)
        {
            calendar.Events.Add(ToEvent(row, namePeople, withPhones));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The event's UID: the slot key and the unit, so it survives republishing and regeneration.</summary>
    public static string Uid(string slotKey, Guid unitId) => $"{slotKey}@{unitId}.roster";

    /// <summary>A standby's UID, apart from the duty of the same key.</summary>
    public static string StandbyUid(string slotKey, Guid unitId) => $"standby/{slotKey}@{unitId}.roster";

    private static CalendarEvent ToEvent(FeedEventRow row, bool namePeople, bool withPhones)
    {
        var zone = DateTimeZoneProviders.Tzdb[row.TimeZone];
        var summary = $"{(row.Standby ? DutyWords.Standby : DutyWords.Duty)}: {DutyWords.Shift(row.ShiftCode, row.ShiftName, row.ShiftNameEn)} ({DutyWords.Role(row.Role)})";
        var e = new CalendarEvent
        {
            Uid = row.Standby ? StandbyUid(row.SlotKey, row.UnitId) : Uid(row.SlotKey, row.UnitId),
            Summary = namePeople ? $"{summary} · {row.PersonName}" : summary,
            Description = Describe(row, withPhones),
            Location = DutyWords.Both(row.UnitName, row.UnitNameEn),
            DtStart = Local(row.StartsAt, zone, row.TimeZone),
            DtEnd = Local(row.EndsAt, zone, row.TimeZone),
            DtStamp = new CalDateTime((row.PublishedAt ?? row.StartsAt).ToDateTimeUtc()),
            // Each publish numbers a new version: calendar apps take the event with the higher SEQUENCE as the newer one.
            Sequence = row.VersionNumber,
        };
        e.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = summary,
            Trigger = new Trigger(AlarmTrigger),
        });
        return e;
    }

    private static CalDateTime Local(Instant instant, DateTimeZone zone, string zoneId) =>
        new(instant.InZone(zone).LocalDateTime.ToDateTimeUnspecified(), zoneId);

    private static string Describe(FeedEventRow row, bool withPhones)
    {
        var lines = new List<string> { $"单位 Unit: {DutyWords.Both(row.UnitName, row.UnitNameEn)}" };
        if (row.Role != DutyRoles.Leader)
        {
            lines.Add($"{DutyWords.Role(DutyRoles.Leader)}: {row.Leaders ?? "—"}");
        }

        lines.Add($"{DutyWords.Role(row.Role)}: {row.PersonName}{(row.PersonPhone is null || !withPhones ? "" : " " + row.PersonPhone)}");
        lines.Add("日期 Date: " + NodaTime.Text.LocalDatePattern.Iso.Format(row.DutyDate));
        lines.Add("到岗要求 Presence: " + DutyPresence.Words(row.Presence));
        return string.Join('\n', lines);
    }
}
