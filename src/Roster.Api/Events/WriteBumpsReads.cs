using Roster.Api.Auth;

namespace Roster.Api.Events;

/// <summary>
/// A request that may write (anything but GET, HEAD, OPTIONS) moves the read generation and the session generation once
/// it has committed — when its answer starts, and again when it ends — so this node's next request never serves what the
/// write made stale (a password change or a grant removed through this node takes effect here at once, not at the notice).
/// </summary>
internal sealed class WriteBumpsReads(RequestDelegate next, ReadGeneration generation, SessionCache sessions)
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
            sessions.Invalidate();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            generation.Bump();
            sessions.Invalidate();
        }
    }
}
