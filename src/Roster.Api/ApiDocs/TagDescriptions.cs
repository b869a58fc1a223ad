namespace Roster.Api.ApiDocs;

/// <summary>One line per tag for the reference (a tag without one here is described by its name).</summary>
internal static class TagDescriptions
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness and readiness probes (no token needed).",
        ["Calendar feeds"] = "iCalendar feeds of duties for calendar apps, addressed by a secret token (no bearer needed).",
        ["Calendar tokens"] = "Secret feed addresses for people and units: create, list and revoke.",
        ["Auth"] = "Sign-in (bearer tokens) and the signed-in account.",
        ["Accounts"] = "Accounts and their grants.",
        ["Units"] = "The organisation tree: a bureau and its schools, each with a time zone.",
        ["People"] = "People on duty in a unit, with roles, employment type and tags.",
        ["Leave"] = "Leave and days off; approval answers with the duties it affects.",
        ["Periods"] = "Critical periods (重要时期) with their rule sets.",
        ["Shifts"] = "Shift patterns of a period: start, length, headcount by role, day types.",
        ["Slots"] = "The concrete shifts of a period for a unit, day by day.",
        ["Calendars"] = "Holiday calendars: holidays and make-up workdays by year.",
        ["Rosters"] = "Generating, editing, publishing and reading rosters and their versions.",
        ["Check-in"] = "Checking in and out of a duty.",
        ["Duty log"] = "The duty log and incidents, with acknowledgement.",
        ["Daily reports"] = "The daily report a unit on duty files.",
        ["Spot checks"] = "Spot checks of people on duty and their outcomes.",
        ["Swaps"] = "Swaps and give-aways of duties between people.",
        ["Me"] = "The signed-in person's own duties.",
        ["Audit"] = "Every write, with actor, time, before and after.",
        ["Exports"] = "Duty tables and coverage reports as CSV and XLSX.",
        ["Gaps"] = "Coverage gaps (空岗/缺岗) across the units you can see.",
        ["Coverage"] = "Coverage by day across units.",
        ["Notifications"] = "Inbox, preferences, reminder settings, webhooks and the delivery log.",
        ["Scheduler"] = "The state of the background scheduler (Quartz and Hangfire).",
        ["Submissions"] = "Submitting rosters for approval up the tree.",
        ["Oversight"] = "Flags for supervisors: overdue submissions, inspections behind, hazards overdue.",
        ["Inspections"] = "Inspection requirements, tasks and progress.",
        ["Hazards"] = "Hazards found in inspections and their rectification.",
        ["Statistics"] = "Duty statistics (值班统计), duty rates (allowance and time off in lieu) and the monthly report for finance.",
    };

    public static string Of(string tag) => Known.GetValueOrDefault(tag) ?? $"Operations on {tag.ToLowerInvariant()}.";
}
