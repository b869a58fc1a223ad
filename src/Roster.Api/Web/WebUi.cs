using Microsoft.Net.Http.Headers;

namespace Roster.Api.Web;

/// <summary>
/// The web pages in <c>wwwroot</c>: a static single-page app served anonymously at <c>/</c>, before authentication runs,
/// so the fallback policy (a signed-in user for everything) keeps guarding <c>/api</c> only. The page calls the public
/// API with a bearer token like any other client.
/// </summary>
internal static class WebUi
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Revalidate every time (ETag): a new release reaches phones without stale scripts.
                headers[HeaderNames.CacheControl] = "no-cache";
                headers["X-Content-Type-Options"] = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    headers["Content-Security-Policy"] = Policy;
                    headers["Referrer-Policy"] = "no-referrer";
                }
            },
        });
        return app;
    }
}
