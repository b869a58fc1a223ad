using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;
using Roster.Core.Rules;

namespace Roster.Api.ApiDocs;

/// <summary>
/// Schemas as the wire has them: NodaTime values as inline ISO-8601 strings with a format (nullable ones stay nullable
/// strings), numbers as numbers (the server never writes them as strings), the words of closed string sets as enums
/// (<see cref="SchemaVocabulary"/>), and stored JSON by its documented shape (<see cref="JsonShapes"/>).
/// </summary>
internal sealed class SchemaConventions : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, (string Format, string Example)> NodaFormats = new()
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

    /// <summary>Types described inline wherever they appear instead of as shared components.</summary>
    public static bool IsInline(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return NodaFormats.ContainsKey(plain) || plain == typeof(DateInterval) || plain == typeof(JsonElement)
            || plain.Name.Contains("AnonymousType", StringComparison.Ordinal);
    }

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        var nullable = Nullable.GetUnderlyingType(type) is not null || (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null));
        if (NodaFormats.TryGetValue(plain, out var noda))
        {
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = noda.Format;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            if (plain == typeof(LocalTime))
            {
                // JSON Schema's "time" wants an offset; a local time has none, so it is described rather than exemplified.
                schema.Description ??= "A local time of day, e.g. " + noda.Example;
            }
            else
            {
                schema.Examples ??= [JsonValue.Create(noda.Example)];
            }
            return;
        }

        if (plain == typeof(DateInterval))
        {
            // NodaTime writes a date interval as its first and last day, both included.
            schema.Type = nullable ? JsonSchemaType.Object | JsonSchemaType.Null : JsonSchemaType.Object;
            schema.Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["start"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                ["end"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "Included." },
            };
            schema.Required = new HashSet<string> { "start", "end" };
            return;
        }

        NumbersAsNumbers(schema);
        if (typeof(Rule).IsAssignableFrom(plain))
        {
            // Computed in C#, never on the wire (RuleJson hides them).
            schema.Properties?.Remove("ruleType");
            schema.Properties?.Remove("isHard");
            schema.Required?.Remove("ruleType");
            schema.Required?.Remove("isHard");
        }

        if (context.JsonPropertyInfo is not { } property)
        {
            return;
        }

        var owner = property.DeclaringType;
        if (plain == typeof(JsonElement) && JsonShapes.TryGet(owner, property.Name, out var shape))
        {
            var documented = shape is null
                ? new OpenApiSchema { Type = JsonSchemaType.Object }
                : await context.GetOrCreateSchemaAsync(shape, null, cancellationToken);
            CopyShape(documented, schema, nullable);
        }

        if (SchemaVocabulary.Of(owner, property.Name) is { } words)
        {
            var target = schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema items ? items : schema;
            var targetNullable = target.Type is { } targetType && targetType.HasFlag(JsonSchemaType.Null);
            target.Enum = [.. words.Select(w => (JsonNode)JsonValue.Create(w)), .. targetNullable ? [JsonNullSentinel.JsonNull] : Array.Empty<JsonNode>()];
        }
    }

    private static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String)
            || !(type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            return;
        }

        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    private static void CopyShape(OpenApiSchema from, OpenApiSchema to, bool nullable)
    {
        to.Type = from.Type is { } type && nullable ? type | JsonSchemaType.Null : from.Type;
        to.Format = from.Format;
        to.Items = from.Items;
        to.Properties = from.Properties is null ? null : new Dictionary<string, IOpenApiSchema>(from.Properties);
        to.Required = from.Required is null ? null : new HashSet<string>(from.Required);
        to.AdditionalProperties = from.AdditionalProperties;
        to.AdditionalPropertiesAllowed = from.AdditionalPropertiesAllowed;
        to.AnyOf = from.AnyOf;
        to.OneOf = from.OneOf;
        to.Discriminator = from.Discriminator;
        to.Description ??= from.Description;
    }
}
