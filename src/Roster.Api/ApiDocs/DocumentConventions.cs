using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Roster.Api.ApiDocs;

/// <summary>
/// The document as a whole: title and licence, the bearer scheme, the problem schema, a description for every tag,
/// servers without a trailing slash, and operation ids made unique where two handlers share a name.
/// </summary>
internal sealed class DocumentConventions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Roster API";
        document.Info.Description =
            "Duty rosters (值班表) and 24-hour on-call scheduling for education bureaus and their schools. Every operation "
            + "needs a bearer token from POST /api/v1/auth/token unless it says otherwise; errors are RFC 9457 problem details; "
            + "times are ISO-8601 (instants in UTC with Z, dates, local times, durations such as PT24H).";
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiDocsSetup.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/v1/auth/token.",
        };
        document.AddComponent(ProblemResponses.SchemaId, ProblemResponses.Schema());

        var operations = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Operation: o.Value))).ToList();
        UniqueOperationIds(operations);
        DescribeTags(document, operations.Select(o => o.Operation));
        return Task.CompletedTask;
    }

    private static void UniqueOperationIds(List<(string Path, OpenApiOperation Operation)> operations)
    {
        foreach (var group in operations.GroupBy(o => o.Operation.OperationId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var index = 1;
            foreach (var (path, operation) in group)
            {
                var qualified = $"{operation.OperationId}_{OperationNames.Qualifier(path)}";
                operation.OperationId = group.Count(o => OperationNames.Qualifier(o.Path) == OperationNames.Qualifier(path)) > 1
                    ? $"{qualified}{index++}"
                    : qualified;
            }
        }
    }

    private static void DescribeTags(OpenApiDocument document, IEnumerable<OpenApiOperation> operations)
    {
        var names = operations.SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name ?? t.Reference?.Id)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in names.Where(n => !document.Tags.Any(t => t.Name == n)))
        {
            document.Tags.Add(new OpenApiTag { Name = name });
        }

        foreach (var tag in document.Tags.Where(t => string.IsNullOrEmpty(t.Description)))
        {
            tag.Description = TagDescriptions.Of(tag.Name ?? "");
        }
    }
}
