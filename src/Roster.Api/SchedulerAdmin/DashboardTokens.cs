using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Roster.Api.SchedulerAdmin;

/// <summary>
/// A browser cannot send a bearer header when it opens /hangfire, so for that path only the token is also accepted as
/// <c>?access_token=</c> (once; it is then kept in an HttpOnly, SameSite=Strict cookie limited to /hangfire).
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
            await previous(context).ConfigureAwait(false);
            if (context.Token is not null || !context.Request.Path.StartsWithSegments(Path))
            {
                return;
            }

            if (context.Request.Query.TryGetValue("access_token", out var query) && query.ToString() is { Length: > 0 } token)
            {
                context.Token = token;
                context.Response.Cookies.Append(CookieName, token, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Strict, Path = Path, Secure = context.Request.IsHttps,
                });
            }
            else if (context.Request.Cookies.TryGetValue(CookieName, out var cookie))
            {
                context.Token = cookie;
            }
        };
    }
}
