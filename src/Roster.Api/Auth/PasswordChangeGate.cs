namespace Roster.Api.Auth;

/// <summary>
/// A token signed in with a one-time password opens only <c>GET /api/v1/me</c> and <c>POST /api/v1/me/password</c>;
/// everything else answers 403 until the password is changed.
/// </summary>
internal static class PasswordChangeGate
{
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(TokenClaims.PasswordChangeRequired, "true") && !Allowed(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Password change required",
                    Detail = "This account signed in with a one-time password: change it with POST /api/v1/me/password first.",
                    Extensions = { ["passwordChangeRequired"] = true },
                },
            });
            return;
        }

        await next(context);
    });

    private static bool Allowed(HttpRequest request)
    {
        var path = (request.Path.Value ?? "").TrimEnd('/');
        return (HttpMethods.IsGet(request.Method) && path.Equals("/api/v1/me", StringComparison.OrdinalIgnoreCase))
            || (HttpMethods.IsPost(request.Method) && path.Equals("/api/v1/me/password", StringComparison.OrdinalIgnoreCase));
    }
}
