using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;
using Roster.Api.Access;

namespace Roster.Api.OnDuty;

/// <summary>
/// An <see cref="OnDutyResponse"/> written from its already serialised and encoded board (<see cref="OnDutyBody"/>) and
/// the instant: <c>{"units":[…],"at":…}</c>, in Brotli or gzip when the request accepts one, without serialising or
/// compressing the units again.
/// </summary>
internal sealed class OnDutyJson(Instant at, OnDutyBody body) : IResult, IEndpointMetadataProvider
{
    private static readonly byte[] Tail = "}"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        byte[] suffix = [.. JsonSerializer.SerializeToUtf8Bytes(at, options), .. Tail];
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        var coding = ContentCodings.Choose(httpContext.Request);
        var (start, end) = coding is null ? (body.Prefix, suffix) : body.Encoded(coding, suffix);
        if (coding is not null)
        {
            response.Headers[HeaderNames.ContentEncoding] = coding;
        }

        response.ContentLength = start.Length + end.Length;
        // Headers first, so the body goes straight into the output pipe (written before them, Kestrel holds it aside and
        // copies it after them); then one flush for the whole answer (writes to the body stream flush each).
        await response.StartAsync(httpContext.RequestAborted);
        var writer = response.BodyWriter;
        writer.Write(start);
        writer.Write(end);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(OnDutyResponse), ["application/json"]));
    }
}
