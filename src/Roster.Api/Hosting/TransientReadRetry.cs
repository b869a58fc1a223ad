using Roster.Api.Problems;

namespace Roster.Api.Hosting;

/// <summary>
/// Runs a GET or HEAD once more when the database connection failed before anything was written: a connection broken by
/// a database restart is then replaced by a fresh one, and the reader never sees the blip. Writes are never repeated.
/// </summary>
internal sealed partial class TransientReadRetry(RequestDelegate next, ILogger<TransientReadRetry> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogRetry(logger, context.Request.Path, e.Message);
            // Idle connections of the pool died with the same fault: start the retry on fresh ones.
            context.RequestServices.GetRequiredService<Npgsql.NpgsqlDataSource>().Clear();
            context.Response.Clear();
            await next(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database fault on GET {Path}, retrying once: {Reason}")]
    private static partial void LogRetry(ILogger logger, string path, string reason);
}
