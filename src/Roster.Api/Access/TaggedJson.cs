using System.Buffers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Roster.Api.Access;

/// <summary>
/// A computed read serialised once, with its ETag (a hash of the bytes): answers 304 to a matching If-None-Match, else the
/// bytes. Kept by read caches so that a cached answer costs neither serialisation nor hashing again. A large answer is also
/// sent Brotli- or gzip-encoded to a client that accepts it (see <see cref="ContentCodings"/>), each encoding made once
/// per answer, when first asked for; the weak ETag is the same in every encoding.
/// </summary>
internal sealed class TaggedJson<T> : IResult, IEndpointMetadataProvider
{
    private readonly Lazy<byte[]>? _brotli;
    private readonly Lazy<byte[]>? _gzip;

    private TaggedJson(byte[] body, string tag)
    {
        Body = body;
        Tag = tag;
        if (body.Length >= ContentCodings.MinimumLength)
        {
            _brotli = new Lazy<byte[]>(() => ContentCodings.Encode(body, ContentCodings.Brotli));
            _gzip = new Lazy<byte[]>(() => ContentCodings.Encode(body, ContentCodings.Gzip));
        }
    }

    public byte[] Body { get; }

    public string Tag { get; }

    public static TaggedJson<T> Of(T value, JsonSerializerOptions options)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        return new TaggedJson<T>(body, TagOf(body));
    }

    public static string TagOf(byte[] body) => $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";

    /// <summary>True when the request's If-None-Match names <paramref name="tag"/> (weakly) or is <c>*</c>.</summary>
    public static bool Matches(HttpRequest request, string tag)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[HeaderNames.IfNoneMatch].SelectMany(h => (h ?? "").Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == tag || "W/" + t == tag);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers[HeaderNames.ETag] = Tag;
        response.Headers[HeaderNames.CacheControl] = "private, no-cache";
        if (_brotli is not null)
        {
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        if (Matches(httpContext.Request, Tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        var coding = _brotli is null ? null : ContentCodings.Choose(httpContext.Request);
        var body = coding switch
        {
            ContentCodings.Brotli => _brotli!.Value,
            ContentCodings.Gzip => _gzip!.Value,
            _ => Body,
        };
        if (coding is not null)
        {
            response.Headers[HeaderNames.ContentEncoding] = coding;
        }

        response.ContentLength = body.Length;
        response.BodyWriter.Write(body);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
