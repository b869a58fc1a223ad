using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Roster.Api.Feeds;

/// <summary>
/// Calendar apps poll feeds: each answer carries an ETag (of its bytes) and Last-Modified (the latest publish in it),
/// and a poll that names the current one gets 304 without a body. If-None-Match wins over If-Modified-Since (RFC 9110).
/// </summary>
internal static class FeedValidators
{
    public static IResult Answer(HttpContext http, byte[] body, Instant lastModified)
    {
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
        var modified = DateTimeOffset.FromUnixTimeSeconds(lastModified.ToUnixTimeSeconds());
        var headers = http.Response.GetTypedHeaders();
        http.Response.Headers[HeaderNames.ETag] = etag;
        headers.LastModified = modified;

        var request = http.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Tag.Value == "*" || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false))
            : request.IfModifiedSince is { } since && modified <= since;
        return notModified
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, "text/calendar; charset=utf-8");
    }
}
