using System.Text.Json;

namespace Roster.Core.Oversight;

/// <summary>
/// Whether a duty role of a shift is on site (在岗: check-in required) or reachable (可联系, on call: no check-in, but a spot
/// check that cannot reach the person counts against the unit). A shift stores role → presence; a role not listed is on site.
/// </summary>
public static class DutyPresence
{
    public const string OnSite = "on_site";
    public const string Reachable = "reachable";

    public static bool IsKnown(string? value) => value is OnSite or Reachable;

    /// <summary>Reads a stored JSON object role → presence.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string Of(IReadOnlyDictionary<string, string> presence, string role) =>
        presence.TryGetValue(role, out var p) && IsKnown(p) ? p : OnSite;

    /// <summary>Presence of each (shift code, role) from the shifts' stored presence objects.</summary>
    public static Func<string, string, string> Lookup(IEnumerable<(string Code, string Presence)> shifts)
    {
        var byCode = shifts.ToDictionary(s => s.Code, s => Parse(s.Presence), StringComparer.Ordinal);
        return (code, role) => byCode.TryGetValue(code, out var p) ? Of(p, role) : OnSite;
    }

    /// <summary>The words the duty table and calendar feed print.</summary>
    public static string Words(string presence) => presence == Reachable ? "可联系 reachable" : "在岗 on site";
}
