using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Roster.Api.Access;

/// <summary>
/// Conditional GET for computed reads (coverage, gaps): the ETag is a hash of the JSON answer, so an unchanged answer
/// costs the client no body (304) and the server no serialisation on the wire. The database is still read unless the
/// endpoint answers from a cache (a <see cref="TaggedJson{T}"/> passes through as it is).
/// </summary>
internal sealed class ConditionalGet(IOptions<JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context).ConfigureAwait(false);
        if (result is not INestedHttpResult { Result: IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: 200 } })
        {
            return result;
        }

        return TaggedJson<object>.Of(value, json.Value.SerializerOptions);
    }
}
