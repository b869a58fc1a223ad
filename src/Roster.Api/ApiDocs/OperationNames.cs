using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Roster.Api.ApiDocs;

/// <summary>
/// Derives an operation's id, summary and tag from its handler (<c>UnitEndpoints.ListAsync</c> → <c>Unit_List</c>,
/// "List units", tag "Unit") or, for a lambda, from its route (<c>POST /swaps/{id}:approve</c> → <c>Swap_Approve</c>,
/// "Approve swap"). A handler that states a name, summary or tag itself keeps it.
/// </summary>
internal static partial class OperationNames
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "List", "Get", "Create", "Update", "Delete", "Put", "Cancel", "Approve", "Reject", "Return", "Submit", "Publish",
        "Generate", "Accept", "Offer", "Close", "Rectify", "Record", "Draw", "Revoke", "Acknowledge", "Schedule", "Scan",
        "Assign", "Clear", "Pin", "Replace", "Read", "Write", "File", "Issue", "Check", "Resolve", "Import", "Export",
        "Start", "Stop", "Send", "Test", "Confirm", "Decide", "Withdraw", "Move", "Copy", "Preview", "Upload", "Download",
    };

    // Lambdas whose route says too little.
    private static readonly Dictionary<string, string> RouteIds = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = "Health_Live",
    };

    // Where the rule reads badly; keyed by the operation id it derives.
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["Audit_List"] = "List audit entries",
        ["RosterJob_Generate"] = "Start generating a roster (a background job)",
        ["Replacement_Replace"] = "Replace a person on duty in the published roster",
        ["Replacement_Candidates"] = "List replacement candidates for a slot",
        ["Assignment_Assign"] = "Put a person in a slot of the draft",
        ["Assignment_Clear"] = "Empty a slot of the draft",
        ["Assignment_Pin"] = "Pin or unpin slots of the draft",
        ["Roster_Versions"] = "List roster versions",
        ["Roster_Diff"] = "Compare two roster versions",
        ["Submission_Submit"] = "Submit the roster for approval",
        ["Inspection_Create"] = "Create an inspection requirement",
        ["InspectionScheduling_Schedule"] = "Schedule inspections on the roster",
        ["InspectionTasks_Record"] = "Record an inspection's results",
        ["Scheduler_Get"] = "Get the scheduler's status",
        ["Calendar_Days"] = "List what a calendar says of each date",
        ["CheckIn_List"] = "List check-ins",
        ["Slot_List"] = "List slots",
        ["Auth_Me"] = "Get the signed-in account",
        ["Me_Duties"] = "List my duties",
        ["Health_Ready"] = "Check readiness (database reachable)",
        ["Health_Live"] = "Check liveness",
        ["Assignment_OfPerson"] = "List a person's assignments",
        ["Inbox_Read"] = "Mark a notification read",
        ["Inbox_List"] = "List my notifications",
        ["Inbox_GetPreferences"] = "Get my notification preferences",
        ["Inbox_PutPreferences"] = "Update my notification preferences",
        ["Feed_Get"] = "Get a calendar feed (iCalendar)",
    };

    /// <summary>The handler's own name, or null when the handler is a lambda or a local function.</summary>
    public static (string Type, string Method)? Of(MethodInfo? handler)
    {
        if (handler?.DeclaringType is not { } type)
        {
            return null;
        }

        while (type.IsNested && type.Name.StartsWith('<'))
        {
            type = type.DeclaringType!;
        }

        var noun = TypeSuffix().Replace(type.Name, "");
        if (handler.Name.Contains('<', StringComparison.Ordinal))
        {
            return (noun, "");
        }

        var method = handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^5] : handler.Name;
        return (noun, method);
    }

    public static string OperationId(string httpMethod, string route, MethodInfo? handler)
    {
        route = Template(route);
        if (RouteIds.TryGetValue($"{httpMethod.ToUpperInvariant()} {route}", out var fixedId))
        {
            return fixedId;
        }

        var (type, method) = Of(handler) ?? (FromRoute(route), "");
        if (method.Length == 0)
        {
            method = ActionOf(httpMethod, route);
        }

        return $"{type}_{method}";
    }

    public static string Summary(string operationId, string httpMethod, string route)
    {
        route = Template(route);
        if (Summaries.TryGetValue(operationId, out var fixedSummary))
        {
            return fixedSummary;
        }

        var split = operationId.Split('_', 2);
        var noun = Words(split[0]).ToLowerInvariant();
        var words = Words(split.Length > 1 ? split[1] : ActionOf(httpMethod, route)).Split(' ');
        var verb = words[0] == "Put" ? "Update" : words[0];
        if (words.Length > 1)
        {
            return string.Join(' ', [verb, .. words.Skip(1).Select(w => w.ToLowerInvariant())]);
        }

        if (verb == "List")
        {
            return "List " + Words(Pascal(LastLiteral(route))).ToLowerInvariant();
        }

        if (Verbs.Contains(verb))
        {
            return $"{verb} {noun}";
        }

        var thing = verb.ToLowerInvariant();
        return noun.Contains(thing, StringComparison.Ordinal) ? $"Get {noun}" : $"Get {noun} {thing}";
    }

    /// <summary>A tag for an operation that has none: the handler's type noun in words ("CheckIn" → "Check in").</summary>
    public static string Tag(string operationId) => Words(operationId.Split('_')[0]);

    /// <summary>"People" for <c>/api/v1/people/{personId}/calendar-tokens</c>: tells two same-named operations apart.</summary>
    public static string Qualifier(string route)
    {
        var literal = Segments(route).FirstOrDefault(s => !s.StartsWith('{')) ?? "root";
        return Pascal(literal);
    }

    private static string ActionOf(string httpMethod, string route)
    {
        var last = Segments(route).LastOrDefault() ?? "";
        var colon = last.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            return Pascal(last[(colon + 1)..]);
        }

        var onItem = last.StartsWith('{');
        return httpMethod.ToUpperInvariant() switch
        {
            "GET" => onItem ? "Get" : "List",
            "POST" => "Create",
            "PUT" or "PATCH" => "Update",
            "DELETE" => "Delete",
            _ => Pascal(httpMethod.ToLowerInvariant()),
        };
    }

    private static string FromRoute(string route) => Singular(Pascal(LastLiteral(route)));

    private static string LastLiteral(string route)
    {
        var literal = Segments(route).Select(s => s.Split(':')[0]).LastOrDefault(s => s.Length > 0 && !s.StartsWith('{')) ?? "root";
        return ExtensionPart().Replace(literal, "");
    }

    private static IEnumerable<string> Segments(string route) =>
        route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "api" and not "v1");

    private static string Pascal(string text)
    {
        var builder = new StringBuilder();
        foreach (var part in text.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part.AsSpan(1));
        }

        return builder.ToString();
    }

    private static string Singular(string word) => word switch
    {
        _ when word.EndsWith("People", StringComparison.Ordinal) => word[..^6] + "Person",
        _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        _ when word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],
        _ when word.EndsWith("ss", StringComparison.Ordinal) => word,
        _ when word.EndsWith('s') => word[..^1],
        _ => word,
    };

    private static string Words(string pascal) => Uppercase().Replace(pascal, " $1").Trim();

    /// <summary>"/units/{id:guid}:approve" → "/units/{id}:approve".</summary>
    private static string Template(string route) => RouteConstraint().Replace(route, "{$1}");

    [GeneratedRegex(@"\{([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex("(Endpoints?|Handlers?|Decisions?)$")]
    private static partial Regex TypeSuffix();

    [GeneratedRegex(@"(?<!^)(?<![A-Z])([A-Z])")]
    private static partial Regex Uppercase();

    [GeneratedRegex(@"\.\{[^}]*\}$|\.[a-z]+$")]
    private static partial Regex ExtensionPart();
}
