using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Roster.Api.Requests;

namespace Roster.Api.ApiDocs;

/// <summary>
/// What every operation gets without its endpoint saying so: an operationId, a summary and a tag (see
/// <see cref="OperationNames"/>), the bearer requirement unless anonymous, the problem responses its handler can answer
/// (see <see cref="ProblemResponses"/>), typed query parameters, and If-Match where the handler checks it.
/// </summary>
internal sealed class OperationConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        var route = "/" + (description.RelativePath ?? "").TrimStart('/');
        var httpMethod = description.HttpMethod ?? "GET";

        operation.OperationId ??= OperationNames.OperationId(httpMethod, route, handler);
        if (string.IsNullOrWhiteSpace(operation.Summary))
        {
            operation.Summary = OperationNames.Summary(operation.OperationId, httpMethod, route);
        }

        if (operation.Tags is not { Count: > 0 })
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(OperationNames.Tag(operation.OperationId), context.Document) };
        }

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        // An empty requirement says "no credentials needed" explicitly.
        operation.Security = anonymous
            ? [new OpenApiSecurityRequirement()]
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocsSetup.BearerScheme, context.Document)] = [] }];

        var facts = handler is null ? new HandlerFacts() : HandlerScan.Of(handler);
        var statuses = new SortedSet<int>(facts.Problems);
        statuses.UnionWith(metadata.OfType<ProblemStatuses>().SelectMany(p => p.Statuses));
        var hasBody = description.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Form" or "FormFile");
        var hasQuery = operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header) ?? false;
        var hasPath = operation.Parameters?.Any(p => p.In == ParameterLocation.Path) ?? false;
        if (hasBody || hasQuery)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (hasPath)
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (!anonymous)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
        }

        if (hasBody)
        {
            statuses.UnionWith([StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        if (httpMethod is not "GET" and not "HEAD" && !anonymous)
        {
            // A unique or overlap constraint, or a concurrent change, answers 409 (see ApiExceptionHandler).
            statuses.Add(StatusCodes.Status409Conflict);
        }

        ProblemResponses.Add(operation, statuses, context.Document);
        if (statuses.Contains(StatusCodes.Status428PreconditionRequired))
        {
            AddIfMatch(operation);
        }

        TypeQueryParameters(operation, facts);
        return Task.CompletedTask;
    }

    private static void AddIfMatch(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && p.Name == "If-Match"))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = true,
            Description = "The ETag of the version you read. Missing: 428; stale: 412.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static void TypeQueryParameters(OpenApiOperation operation, HandlerFacts facts)
    {
        if (operation.Parameters is null)
        {
            return;
        }

        var formats = facts.QueryFormats;
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            if (parameter.Schema is not OpenApiSchema schema || schema.Type != JsonSchemaType.String || schema.Format is not null)
            {
                continue;
            }

            if (parameter.Name == "limit")
            {
                schema.Type = JsonSchemaType.Integer;
                schema.Format = "int32";
                schema.Minimum = "1";
                schema.Maximum = Paging.PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                schema.Default = JsonValue.Create(Paging.PageRequest.DefaultLimit);
                parameter.Description ??= "Items per page.";
            }
            else if (parameter.Name == "after")
            {
                parameter.Description ??= "The nextCursor of the previous page.";
            }
            else if (formats.TryGetValue(parameter.Name ?? "", out var format))
            {
                schema.Format = format;
            }
        }
    }
}
