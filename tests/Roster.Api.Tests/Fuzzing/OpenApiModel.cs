using System.Text.Json;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>The operations of the API's OpenAPI document, with <c>$ref</c>s resolved against its components.</summary>
public sealed class OpenApiModel(JsonElement document)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    public IReadOnlyList<FuzzOperation> Operations { get; } = Read(document);

    /// <summary>The schema itself, or the component a <c>$ref</c> names.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    private static List<FuzzOperation> Read(JsonElement document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (In: p.GetProperty("in").GetString(), Parameter: new FuzzParameter(
                        p.GetProperty("name").GetString()!,
                        p.TryGetProperty("schema", out var s) ? s : default,
                        p.TryGetProperty("required", out var r) && r.GetBoolean()))).ToList()
                    : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var bodySchema) ? bodySchema : null;
                operations.Add(new FuzzOperation(operation.Name, path.Name,
                    [.. parameters.Where(p => p.In == "path").Select(p => p.Parameter)],
                    [.. parameters.Where(p => p.In == "query").Select(p => p.Parameter)], body));
            }
        }

        return operations;
    }
}
