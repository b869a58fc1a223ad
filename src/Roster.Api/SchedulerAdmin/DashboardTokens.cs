using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Roster.Api.SchedulerAdmin;

/// <summary>
/// A browser cannot send a bearer header when it opens /hangfire: on that path only, the token is read from the HttpOnly,
/// SameSite=Strict cookie that <see cref="DashboardCodes"/> sets. A token is never accepted from the query string.
/// </summary>
internal static class DashboardTokens
{
    public const string Path = "/hangfire";
    public const string CookieName = "roster_hangfire";

    public static void Configure(JwtBearerOptions options)
    {
        options.Events ??= new JwtBearerEvents();
        var previous = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = async context =>
        {
            await previous(context);
            if (context.Token is null && context.Request.Path.StartsWithSegments(Path)
                && context.Request.Cookies.TryGetValue(CookieName, out var cookie))
            {
                context.Token = cookie;
            }
        };
    }
}
