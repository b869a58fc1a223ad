using Microsoft.AspNetCore.Http.Metadata;
using Roster.Api.Problems;

namespace Roster.Api.Http;

/// <summary>
/// A request body the endpoint does not accept (a form-encoded sign-in, say) answers 415 naming the accepted types,
/// even where the body is optional and would otherwise be read as absent.
/// </summary>
internal sealed class JsonBodies(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (!hasBody || accepts is not { ContentTypes.Count: > 0 } || Accepted(request.ContentType, accepts.ContentTypes))
        {
            return next(context);
        }

        var types = string.Join(", ", accepts.ContentTypes);
        return ApiProblems.UnsupportedMediaType($"The body must be {types}, not {request.ContentType ?? "untyped"}.").ExecuteAsync(context);
    }

    private static bool Accepted(string? contentType, IReadOnlyList<string> accepted)
    {
        if (contentType is null || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var sent))
        {
            return false;
        }

        return accepted.Any(a => Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(a, out var type) && sent.IsSubsetOf(type));
    }
}
