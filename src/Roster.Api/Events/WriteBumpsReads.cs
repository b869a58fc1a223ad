namespace Roster.Api.Events;

/// <summary>
/// A request that may write (anything but GET, HEAD, OPTIONS) moves the read generation once it has committed — when its
/// answer starts, and again when it ends — so this node's next read never serves what the write made stale.
/// </summary>
internal sealed class WriteBumpsReads(RequestDelegate next, ReadGeneration generation)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            await next(context);
            return;
        }

        context.Response.OnStarting(() =>
        {
            generation.Bump();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            generation.Bump();
        }
    }
}
