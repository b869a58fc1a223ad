using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Npgsql;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// Refuses a well-signed token whose session has ended: the account was deactivated, or its password changed or was
/// reset after the token was issued (the account's session version moved past the token's). The session (with the
/// account's grants and the unit tree's revision, for <see cref="Access.AccessScope"/>) comes from this node's
/// <see cref="SessionCache"/> when it can vouch for it, else from one primary-key read outside any transaction; a token
/// the cached session would refuse is always checked against the database.
/// </summary>
internal static class SessionCheck
{
    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(TokenClaims.Subject)?.Value, out var accountId)
            || !int.TryParse(principal.FindFirst(TokenClaims.SessionVersion)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            context.Fail("The token does not name an account session.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var cache = services.GetRequiredService<SessionCache>();
        var session = cache.Find(accountId);
        if (session is not { Active: true } || session.SessionVersion != version)
        {
            var generation = cache.Generation;
            session = await RequestSessionStore.FindAsync(
                services.GetRequiredService<NpgsqlDataSource>(), accountId, context.HttpContext.RequestAborted);
            if (session is not null)
            {
                cache.Store(accountId, generation, session);
            }

            if (session is not { Active: true } || session.SessionVersion != version)
            {
                context.Fail("The session has ended; sign in again.");
                return;
            }
        }

        // AccessScope expands the grants read here (no second read of them in this request).
        context.HttpContext.Features.Set(session);
    }
}
