using Roster.Api.Auditing;
using Roster.Api.Calendars;
using Roster.Api.Notifications;
using Roster.Api.Periods;
using Roster.Api.Rosters;
using Roster.Core.Calendars;
using Roster.Core.Rules;

namespace Roster.Api.ApiDocs;

/// <summary>
/// The documented shape of JSON the API passes through as stored (a <see cref="System.Text.Json.JsonElement"/> in C#):
/// rules are the <see cref="Rule"/> union by <c>type</c>, a score is penalty by rule type, and so on. A null shape
/// means any JSON object (audit snapshots are the entity's response as it was, whatever the entity).
/// </summary>
internal static class JsonShapes
{
    private static readonly Dictionary<(Type Owner, string Property), Type?> Shapes = new()
    {
        [(typeof(PeriodResponse), "rules")] = typeof(IReadOnlyList<Rule>),
        [(typeof(PeriodRequest), "rules")] = typeof(IReadOnlyList<Rule>),
        [(typeof(RosterResponse), "score")] = typeof(IReadOnlyDictionary<string, double>),
        [(typeof(RosterJobResponse), "statistics")] = typeof(GenerationStatistics),
        [(typeof(CalendarResponse), "document")] = typeof(HolidayCalendarDocument),
        [(typeof(CalendarRequest), "document")] = typeof(HolidayCalendarDocument),
        [(typeof(DeliveryResponse), "attemptLog")] = typeof(IReadOnlyList<DeliveryAttempt>),
        [(typeof(AuditResponse), "before")] = null,
        [(typeof(AuditResponse), "after")] = null,
        [(typeof(InboxResponse), "data")] = null,
    };

    public static bool TryGet(Type owner, string property, out Type? shape) => Shapes.TryGetValue((owner, property), out shape);

    public static IEnumerable<(Type Owner, string Property, Type? Shape)> All => Shapes.Select(s => (s.Key.Owner, s.Key.Property, s.Value));
}
