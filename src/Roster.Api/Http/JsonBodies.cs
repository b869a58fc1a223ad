using Roster.Api.Problems;

namespace Roster.Api.Http;

/// <summary>
/// A body of a media type the endpoint does not accept (a form-encoded sign-in, say) answers 415 with a problem. Routing
/// picks a stand-in endpoint for it that has no AllowAnonymous, so without this the fallback policy answered 401 first.
/// </summary>
internal sealed class JsonBodies(RequestDelegate next)
{
    // The display name ASP.NET Core's AcceptsMatcherPolicy gives the endpoint it selects for a Content-Type mismatch.
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.DisplayName != UnsupportedMediaTypeEndpoint)
        {
            return next(context);
        }

        var sent = context.Request.ContentType ?? "a body without a Content-Type";
        return ApiProblems.UnsupportedMediaType($"This endpoint does not take {sent}; send application/json.").ExecuteAsync(context);
    }
}
