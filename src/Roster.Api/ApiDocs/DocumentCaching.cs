using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Roster.Api.ApiDocs;

/// <summary>
/// The OpenAPI document with an ETag of its bytes and <c>Cache-Control: no-cache</c>: clients and generators revalidate
/// and get 304 while the document is unchanged.
/// </summary>
internal sealed class DocumentCaching(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"";
        response.Headers[HeaderNames.ETag] = etag;
        response.Headers[HeaderNames.CacheControl] = "no-cache";
        if (Matches(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            return;
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool Matches(HttpRequest request, string etag) =>
        request.Headers[HeaderNames.IfNoneMatch].SelectMany(h => (h ?? "").Split(','))
            .Select(t => t.Trim())
            .Any(t => t == "*" || t == etag || "W/" + t == etag);
}
