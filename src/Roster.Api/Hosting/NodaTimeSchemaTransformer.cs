using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Roster.Api.Hosting;

/// <summary>Describes NodaTime types in the OpenAPI document as the ISO-8601 strings they are on the wire.</summary>
internal sealed class NodaTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, (string Format, string Example)> Formats = new()
    {
        [typeof(Instant)] = ("date-time", "2026-12-31T00:00:00Z"),
        [typeof(LocalDate)] = ("date", "2026-12-31"),
        [typeof(LocalTime)] = ("time", "08:00:00"),
        [typeof(LocalDateTime)] = ("date-time-local", "2026-12-31T08:00:00"),
        [typeof(ZonedDateTime)] = ("date-time-zoned", "2026-12-31T08:00:00+08 Asia/Shanghai"),
        [typeof(OffsetDateTime)] = ("date-time", "2026-12-31T08:00:00+08:00"),
        [typeof(Duration)] = ("duration", "PT24H"),
        [typeof(DateTimeZone)] = ("iana-time-zone", "Asia/Shanghai"),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (Formats.TryGetValue(type, out var format))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = format.Format;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Description ??= "e.g. " + format.Example;
        }

        return Task.CompletedTask;
    }
}
