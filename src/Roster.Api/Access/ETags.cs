using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Roster.Api.Problems;

namespace Roster.Api.Access;

/// <summary>
/// Optimistic concurrency: the ETag is the row's version. An update or delete of a versioned resource must send it
/// back in If-Match: without it the answer is 428, with a stale one 412.
/// </summary>
internal static class ETags
{
    public static string Of(int version) => $"\"{version}\"";

    public static void Set(HttpResponse response, int version) => response.Headers[HeaderNames.ETag] = Of(version);

    /// <summary>Null when If-Match names the current version (or is <c>*</c>); otherwise the 428 or 412 to answer.</summary>
    public static ProblemHttpResult? Precondition(HttpRequest request, int version)
    {
        if (request.Headers[HeaderNames.IfMatch].Count == 0)
        {
            return ApiProblems.PreconditionRequired();
        }

        return MatchesTag(request, Of(version)) ? null : ApiProblems.Stale();
    }

    /// <summary>
    /// False when the request sent If-Match and none of its tags is <paramref name="current"/> (an ETag already quoted,
    /// e.g. a roster's). A request without If-Match matches: callers that require it use <see cref="Precondition"/>.
    /// </summary>
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
