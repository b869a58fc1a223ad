using Microsoft.Net.Http.Headers;

namespace Roster.Api.Http;

/// <summary>
/// Security headers on every response. The API's answers may not be framed, sniffed or run as a page; /docs (Scalar)
/// may run its own script and styles from this origin only. A header a handler or the web UI already set is kept.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Scalar's page starts itself with an inline script and injects styles; everything else comes from this origin.
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
            headers.TryAdd(HeaderNames.XFrameOptions, "DENY");
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
            headers.TryAdd("Cross-Origin-Resource-Policy", "same-origin");
            headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            var path = context.Request.Path;
            if (path.StartsWithSegments("/docs", StringComparison.Ordinal))
            {
                headers.TryAdd(HeaderNames.ContentSecurityPolicy, DocsPolicy);
            }
            else if (path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/openapi", StringComparison.Ordinal)
                || path.StartsWithSegments("/feeds", StringComparison.Ordinal))
            {
                headers.TryAdd(HeaderNames.ContentSecurityPolicy, ApiPolicy);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
