using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>Sign-in (token issue) and the signed-in account.</summary>
internal static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/token", IssueTokenAsync).AllowAnonymous();
        api.MapGet("/me", MeAsync).WithTags("Auth");
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, HttpContext http, NpgsqlDataSource db, TokenIssuer issuer, LoginThrottle throttle,
        IPasswordHasher<AccountRow> hasher, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var username = errors.Text("username", request.Username, 100);
        var password = errors.Text("password", request.Password, 200);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(username, client) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                detail: "Too many failed sign-ins for this account from this address; try again later.");
        }

        await using var work = await DbWork.BeginAsync(db, ct).ConfigureAwait(false);
        var account = await AccountStore.FindByUsernameAsync(work, username, ct).ConfigureAwait(false);
        var verdict = account is { Active: true }
            ? hasher.VerifyHashedPassword(account, account.PasswordHash, password)
            : PasswordVerificationResult.Failed;
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            throttle.Failed(username, client);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The username or password is wrong, or the account is disabled.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await AccountStore.UpdatePasswordHashAsync(work, account.Id, hasher.HashPassword(account, password), ct).ConfigureAwait(false);
        }

        await work.CommitAsync(ct).ConfigureAwait(false);
        throttle.Succeeded(username, client);
        var (token, expiresAt) = issuer.Issue(account.Id, account.Username);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> MeAsync(
        AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct).ConfigureAwait(false);
        var account = await AccountStore.FindAsync(work, access.AccountId, ct).ConfigureAwait(false);
        if (account is null)
        {
            return ApiProblems.NotFound("account");
        }

        var grants = await AccountStore.GrantsAsync(work, account.Id, ct).ConfigureAwait(false);
        return TypedResults.Ok(new MeResponse(
            account.Id, account.Username, account.DisplayName, account.PersonId,
            grants.Select(g => new GrantResponse(g.UnitId, g.Role)).ToList()));
    }
}
