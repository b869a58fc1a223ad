using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Roster.Api.OnDuty;

/// <summary>
/// An <see cref="OnDutyResponse"/> written from its already serialised units: <c>{"at":…,"units":[…]}</c>, the same bytes
/// <c>Ok(OnDutyResponse)</c> would write, without serialising the units again.
/// </summary>
internal sealed class OnDutyJson(Instant at, byte[] units) : IResult, IEndpointMetadataProvider
{
    private static readonly byte[] Head = "{\"at\":"u8.ToArray();
    private static readonly byte[] Middle = ",\"units\":"u8.ToArray();
    private static readonly byte[] Tail = "}"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var instant = JsonSerializer.SerializeToUtf8Bytes(at, options);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Head.Length + instant.Length + Middle.Length + units.Length + Tail.Length;
        // One flush for the whole body (writes to the body stream flush each).
        var writer = response.BodyWriter;
        writer.Write(Head);
        writer.Write(instant);
        writer.Write(Middle);
        writer.Write(units);
        writer.Write(Tail);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(OnDutyResponse), ["application/json"]));
    }
}
