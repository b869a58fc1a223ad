using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>
/// JSON text from a JSON schema: mostly values of the right shape (with ids the caller knows, so requests reach past
/// the first check), each one replaced now and then by a hostile value, required fields sometimes left out, keys
/// sometimes duplicated.
/// </summary>
public sealed class SchemaGen(OpenApiModel model, IReadOnlyList<string> knownIds)
{
    private const int MaxDepth = 4;

    public Gen<string> For(JsonElement schema, int depth = 0)
    {
        var shaped = depth >= MaxDepth ? Gen.Const("{}") : Shaped(model.Resolve(schema), depth);
        return Gen.Frequency((6, shaped), (1, HostileValues.Json));
    }

    /// <summary>A value for a path segment or query parameter, as text.</summary>
    public Gen<string> Text(JsonElement schema)
    {
        var resolved = schema.ValueKind == JsonValueKind.Object ? model.Resolve(schema) : schema;
        var shaped = resolved.ValueKind == JsonValueKind.Object ? Shaped(resolved, MaxDepth).Select(Unquote) : HostileValues.Text;
        return Gen.Frequency((4, shaped), (1, Ids.Select(id => id.Trim('"'))), (2, HostileValues.Text));
    }

    private Gen<string> Ids => Gen.OneOf([.. knownIds.Select(id => $"\"{id}\""), $"\"{Guid.Empty}\"", "\"4f7e9c1a-0000-4000-8000-000000000001\""]);

    private Gen<string> Shaped(JsonElement schema, int depth)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            return Gen.OneOf([.. values.EnumerateArray().Select(v => v.GetRawText()), "\"UNKNOWN_VALUE\""]);
        }

        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out var options))
            {
                return Gen.OneOf([.. options.EnumerateArray().Select(o => For(o, depth + 1))]);
            }
        }

        var type = TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "object" => Object(schema, depth),
            "array" => schema.TryGetProperty("items", out var items)
                ? For(items, depth + 1).Array[0, 3].Select(a => "[" + string.Join(",", a) + "]")
                : Gen.Const("[]"),
            "integer" => Gen.Int[-3, 400].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            "number" => Gen.OneOf("0", "1.5", "-0.25", "86400", "1e6"),
            "boolean" => Gen.OneOf("true", "false"),
            "string" => String(format),
            _ => Gen.OneOf("{}", "\"x\"", "1"),
        };
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private Gen<string> String(string? format) => format switch
    {
        "uuid" => Ids,
        "date" => Gen.OneOf("\"2026-12-05\"", "\"2026-12-01\"", "\"2027-01-01\"", "\"2026-11-30\"", "\"0001-01-01\"", "\"9999-12-31\""),
        "date-time" => Gen.OneOf("\"2026-12-05T08:00:00Z\"", "\"2026-12-05T08:00:00+08:00\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\""),
        "duration" => Gen.OneOf("\"PT12H\"", "\"PT0S\"", "\"PT24H\"", "\"P1D\"", "\"PT5M\"", "\"P3650000D\""),
        "time" => Gen.OneOf("\"08:00:00\"", "\"20:00:00\"", "\"00:00:00\"", "\"23:59:59\""),
        _ => Gen.OneOf("\"值班\"", "\"school-9\"", "\"Asia/Shanghai\"", "\"admin\"", "\"a-strong-password-9\"", "\"+86 138 0000 0000\"", "\"\""),
    };

    private Gen<string> Object(JsonElement schema, int depth)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return Gen.Const("{}");
        }

        var fields = properties.EnumerateObject()
            .Select(p => Gen.Frequency((5, For(p.Value, depth + 1).Select(v => $"\"{p.Name}\":{v}")), (1, Gen.Const(""))))
            .ToArray();
        return Gen.Select(fields.Length == 0 ? Gen.Const(Array.Empty<string>()) : Sequence(fields), Gen.Int[0, 9], (parts, duplicate) =>
        {
            var present = parts.Where(p => p.Length > 0).ToList();
            if (duplicate == 0 && present.Count > 0)
            {
                present.Add(present[0]);
            }

            return "{" + string.Join(",", present) + "}";
        });
    }

    private static Gen<string[]> Sequence(Gen<string>[] parts) =>
        parts.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (a, n) => (string[])[.. a, n]));

    private static string Unquote(string json) =>
        json.Length >= 2 && json[0] == '"' && json[^1] == '"' ? JsonSerializer.Deserialize<string>(json) ?? "" : json;
}
