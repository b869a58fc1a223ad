using System.Diagnostics;

namespace Roster.Api.Hosting;

/// <summary>
/// One log line per request: method, route template (never the raw path, which can hold a feed token), status and
/// duration. The console formatter adds the trace and span ids of the request's activity.
/// </summary>
internal sealed partial class RequestLines(RequestDelegate next, ILogger<RequestLines> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw
                    ? (raw.Length > 1 ? raw.TrimEnd('/') : raw) // a group's "/" endpoint reads "/api/v1/units/"
                    : "(no route)";
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogRequest(logger, http.Request.Method, route, http.Response.StatusCode, elapsed);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} {StatusCode} {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
