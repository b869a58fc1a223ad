using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Access;

/// <summary>
/// Conditional GET for computed reads (gaps): the ETag is a hash of the JSON answer, so an unchanged answer costs the
/// client no body (304). The answer is kept in <see cref="ReadAnswers"/> under the request's path and query, so an
/// unchanged one costs the server no database read either: only for endpoints whose answer depends on the caller's
/// grants, the query and the database alone (not on the clock). A <see cref="TaggedJson{T}"/> passes through as it is.
/// </summary>
internal sealed class ConditionalGet(IOptions<JsonOptions> json, ReadAnswers answers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var session = http.Features.Get<RequestSession>();
        var request = http.Request.Path.Value + http.Request.QueryString.Value;
        if (session is not null && answers.Find<object>(session, request) is { } cached)
        {
            return cached;
        }

        var generation = answers.Generation;
        var result = await next(context);
        if (result is not INestedHttpResult { Result: IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: 200 } })
        {
            return result;
        }

        var answer = TaggedJson<object>.Of(value, json.Value.SerializerOptions);
        if (session is not null)
        {
            answers.Store(session, request, generation, answer);
        }

        return answer;
    }
}
