using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.ApiDocs;

/// <summary>Reads the live OpenAPI document and walks its operations.</summary>
public static class OpenApiDocument
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static async Task<JsonElement> FetchAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.BodyAsync();
    }

    public static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => Methods.Contains(o.Name))
            .Select(o => (o.Name.ToUpperInvariant(), path.Name, o.Value)));

    public static JsonElement Schema(JsonElement document, string name) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    public static JsonElement Property(JsonElement document, string schema, string property) =>
        Schema(document, schema).GetProperty("properties").GetProperty(property);

    /// <summary>The JSON Schema types of a schema ("type": "x" or ["x", "null"]).</summary>
    public static IReadOnlyList<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : [];
}
