using Microsoft.Net.Http.Headers;

namespace Roster.Api.Access;

/// <summary>Optimistic concurrency: the ETag is the row's version; a stale If-Match answers 412.</summary>
internal static class ETags
{
    public static string Of(int version) => $"\"{version}\"";

    public static void Set(HttpResponse response, int version) => response.Headers[HeaderNames.ETag] = Of(version);

    /// <summary>
    /// False when the request sent If-Match and none of its tags is the current version.
    /// A request without If-Match is accepted (last write wins), as for clients that do not track versions.
    /// </summary>
    public static bool Matches(HttpRequest request, int version) => MatchesTag(request, Of(version));

    /// <summary>As <see cref="Matches(HttpRequest, int)"/> for an ETag already quoted (e.g. a roster's).</summary>
    public static bool MatchesTag(HttpRequest request, string current)
    {
        var header = request.Headers[HeaderNames.IfMatch];
        if (header.Count == 0)
        {
            return true;
        }

        return header.SelectMany(h => (h ?? "").Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == current || t == "W/" + current);
    }
}
