using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace Roster.Api.ApiDocs;

/// <summary>The OpenAPI document (/openapi/v1.json) and its reference pages (/docs), both anonymous.</summary>
internal static class ApiDocsSetup
{
    public const string BearerScheme = "Bearer";
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddRosterOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.CreateSchemaReferenceId = type =>
                SchemaConventions.IsInline(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddSchemaTransformer<SchemaConventions>();
            o.AddOperationTransformer<OperationConventions>();
            o.AddDocumentTransformer<DocumentConventions>();
        });

    public static WebApplication MapRosterDocs(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal), b => b.UseMiddleware<DocumentCaching>());
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o
                .WithTitle("Roster API")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddPreferredSecuritySchemes(BearerScheme)
                // No internet here: system fonts instead of Scalar's font CDN, and none of its cloud features.
                .DisableDefaultFonts()
                .WithCustomCss(":root { --scalar-font: system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; --scalar-font-code: ui-monospace, monospace; }")
                .HideClientButton()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools())
            .AllowAnonymous();
        return app;
    }
}
