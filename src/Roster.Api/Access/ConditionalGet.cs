using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Roster.Api.Access;

/// <summary>
/// Conditional GET for computed reads (coverage, gaps): the ETag is a hash of the JSON answer, so an unchanged answer
/// costs the client no body (304) and the server no serialisation on the wire. The database is still read: the answer
/// is what changes, and it is only known once computed.
/// </summary>
internal sealed class ConditionalGet(IOptions<JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context).ConfigureAwait(false);
        if (result is not INestedHttpResult { Result: IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: 200 } })
        {
            return result;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
        var tag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";
        var http = context.HttpContext;
        http.Response.Headers[HeaderNames.ETag] = tag;
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-cache";
        var match = http.Request.Headers[HeaderNames.IfNoneMatch].SelectMany(h => (h ?? "").Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == tag || "W/" + t == tag);
        return match ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Bytes(bytes, "application/json");
    }
}
