using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Npgsql;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// Refuses a well-signed token whose session has ended: the account was deactivated, or its password changed or was
/// reset after the token was issued (the account's session version moved past the token's). One primary-key read per
/// request, outside any transaction, so a revocation takes effect at once in every API process; it also reads the
/// account's grants and the unit tree's revision for <see cref="Access.AccessScope"/>.
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

        var db = context.HttpContext.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var session = await RequestSessionStore.FindAsync(db, accountId, context.HttpContext.RequestAborted);
        if (session is not { Active: true } || session.SessionVersion != version)
        {
            context.Fail("The session has ended; sign in again.");
            return;
        }

        // AccessScope expands the grants read here (no second read of them in this request).
        context.HttpContext.Features.Set(session);
    }
}
