using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Roster.Api.ApiDocs;

/// <summary>RFC 9457 problem details: the schema, and a response for each client error an operation can answer.</summary>
internal static class ProblemResponses
{
    public const string SchemaId = "Problem";
    public const string ContentType = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is not valid; the fields at fault are under errors.",
        [401] = "No valid bearer token.",
        [403] = "Readable but not changeable with your grants.",
        [404] = "No such resource, or not within your units.",
        [409] = "Conflicts with the current state (a duplicate, an overlap or a concurrent change).",
        [412] = "If-Match does not match the current ETag: read again and retry.",
        [413] = "The request body is too large.",
        [415] = "The body must be application/json.",
        [422] = "Well-formed but against a rule; the fields at fault are under errors.",
        [428] = "If-Match is required: send the ETag you read.",
        [429] = "Too many attempts; retry later.",
    };

    public static void Add(OpenApiOperation operation, IEnumerable<int> statuses, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing.Content is { Count: > 0 })
            {
                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = Descriptions.GetValueOrDefault(status, "Client error."),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ContentType] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) },
                },
            };
        }
    }

    /// <summary>The problem details object, with the field errors this API adds under <c>errors</c>.</summary>
    public static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI reference that identifies the problem type." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A short summary of the problem type." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What went wrong in this occurrence." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI reference to this occurrence." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The request's trace id, for the logs." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "The fields at fault (JSON paths as sent, e.g. headcount.leader) and what is wrong with each.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        Examples =
        [
            new JsonObject
            {
                ["title"] = "The request is not valid",
                ["status"] = 400,
                ["detail"] = "name is required",
                ["errors"] = new JsonObject { ["name"] = new JsonArray("is required") },
            },
        ],
    };
}
