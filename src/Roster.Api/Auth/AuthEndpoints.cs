using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Core.Passwords;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>Sign-in (token issue), the signed-in account and its password.</summary>
internal static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/token", IssueTokenAsync).AllowAnonymous();
        api.MapGet("/me", MeAsync).WithTags("Auth");
        api.MapPost("/me/password", ChangePasswordAsync).WithTags("Auth");
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, HttpContext http, NpgsqlDataSource db, TokenIssuer issuer, LoginThrottle throttle,
        IPasswordHasher<AccountRow> hasher, DecoyHash decoy, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var username = errors.Text("username", request.Username, 100);
        var password = errors.Text("password", request.Password, PasswordPolicy.MaxLength);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var client = http.Connection.RemoteIpAddress;
        if (await throttle.AttemptAsync(username, client, ct) is { } wait)
        {
            return TooMany(http, wait);
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var account = await AccountStore.FindByUsernameAsync(work, username, ct);
        var verdict = PasswordVerificationResult.Failed;
        if (account is { Active: true })
        {
            verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        }
        else
        {
            decoy.Verify(password);
        }

        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The username or password is wrong, or the account is disabled.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await AccountStore.UpdatePasswordHashAsync(work, account.Id, hasher.HashPassword(account, password), ct);
        }

        await work.CommitAsync(ct);
        await throttle.SucceededAsync(username, client, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(issuer.Response(account));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> MeAsync(
        AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct);
        var account = await AccountStore.FindAsync(work, access.AccountId, ct);
        if (account is null)
        {
            return ApiProblems.NotFound("account");
        }

        var grants = await AccountStore.GrantsAsync(work, account.Id, ct);
        return TypedResults.Ok(new MeResponse(
            account.Id, account.Username, account.DisplayName, account.PersonId, account.PasswordChangeRequired,
            grants.Select(g => new GrantResponse(g.UnitId, g.Role)).ToList()));
    }

    /// <summary>Changes the signed-in account's password; every earlier token stops working and a new one is returned.</summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, HttpContext http, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db,
        TokenIssuer issuer, LoginThrottle throttle, IPasswordHasher<AccountRow> hasher, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var current = errors.Text("currentPassword", request.CurrentPassword, PasswordPolicy.MaxLength);
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors.Add("newPassword", "is required");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var account = await AccountStore.FindForUpdateAsync(work, access.AccountId, ct);
        if (account is null)
        {
            return ApiProblems.NotFound("account");
        }

        // Guessing the current password from a stolen session is throttled like signing in.
        if (await throttle.AttemptAsync(account.Username, http.Connection.RemoteIpAddress, ct) is { } wait)
        {
            return TooMany(http, wait);
        }

        if (hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            return ApiProblems.Invalid("currentPassword", "is not the account's password");
        }

        await throttle.SucceededAsync(account.Username, http.Connection.RemoteIpAddress, ct);
        var chosen = request.NewPassword!;
        PasswordChoice.Check(errors, "newPassword", chosen, account, hasher);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var changed = await AccountStore.SetPasswordAsync(
            work, account.Id, hasher.HashPassword(account, chosen), changeRequired: false, clock.GetCurrentInstant(), ct);
        var grants = await AccountStore.GrantsAsync(work, account.Id, ct);
        await audit.RecordAsync(work, grants.Count > 0 ? grants[0].UnitId : null, "account", account.Id, "change-password",
            new { account.PasswordChangeRequired }, new { changed.PasswordChangeRequired }, ct);
        await work.CommitAsync(ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(issuer.Response(changed));
    }

    private static ProblemHttpResult TooMany(HttpContext http, Duration wait)
    {
        http.Response.Headers.RetryAfter = Math.Ceiling(Math.Max(wait.TotalSeconds, 1)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
            detail: "Too many failed sign-ins for this account from this address; try again later.");
    }
}
