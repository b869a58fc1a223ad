using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Npgsql;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// Refuses a well-signed token whose session has ended: the account was deactivated, or its password changed or was
/// reset after the token was issued (the account's session version moved past the token's). One primary-key read per
/// request, so a revocation takes effect at once in every API process.
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
        var ct = context.HttpContext.RequestAborted;
        await using var work = await DbWork.BeginAsync(db, ct).ConfigureAwait(false);
        var session = await AccountStore.SessionAsync(work, accountId, ct).ConfigureAwait(false);
        await work.CommitAsync(ct).ConfigureAwait(false);
        if (session is not { Active: true } || session.SessionVersion != version)
        {
            context.Fail("The session has ended; sign in again.");
        }
    }
}
