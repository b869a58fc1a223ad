using Npgsql;
using Roster.Core.Storage;

namespace Roster.Api.Requests;

/// <summary>
/// One transaction per request: opened before the handler, committed when the handler answers a success and rolled back
/// otherwise (a problem, or an exception, which <c>ApiExceptionHandler</c> maps to a problem as for any request). Reads
/// (GET, HEAD) are never committed: their transaction ends in a rollback, so a read cannot write. A handler that must act
/// after its commit commits itself; the filter then leaves the transaction alone.
/// </summary>
internal sealed class UnitOfWorkFilter(NpgsqlDataSource db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        await using var work = await DbWork.BeginAsync(db, http.RequestAborted);
        http.RequestServices.GetRequiredService<RequestWork>().Open(work);
        var result = await next(context);
        if (!work.Committed && Succeeded(result) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await work.CommitAsync(http.RequestAborted);
        }

        return result;
    }

    private static bool Succeeded(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is not IStatusCodeHttpResult { StatusCode: >= 400 };
    }
}
