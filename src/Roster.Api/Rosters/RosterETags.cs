using Roster.Api.Access;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>
/// A roster's ETag names the version and its revision, so an edit based on the published roster fails once a draft
/// exists, and an edit based on a draft fails once anyone else changed it (412).
/// </summary>
internal static class RosterETags
{
    public static string Of(RosterVersionRow version) => $"\"{version.Number}.{version.Revision}\"";

    public static string Of(int number, int revision) => $"\"{number}.{revision}\"";

    /// <summary>
    /// True when If-Match is absent or names the version a plain GET of the roster shows now: the draft if there is
    /// one, else the published roster (a request with If-Match on a roster that has neither never matches).
    /// </summary>
    public static bool Matches(HttpRequest request, RosterVersionRow? draft, RosterVersionRow? published)
    {
        var current = draft ?? published;
        return current is null ? request.Headers.IfMatch.Count == 0 || request.Headers.IfMatch.ToString().Trim() == "*"
            : ETags.MatchesTag(request, Of(current));
    }

    public static void Set(HttpResponse response, int number, int revision) => response.Headers.ETag = Of(number, revision);
}
