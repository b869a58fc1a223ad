using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Auth;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.SchedulerAdmin;

/// <summary>
/// How a browser opens the dashboard without a token in any address: a root-unit administrator asks for a one-time code
/// (valid one minute), opens <c>/hangfire?code=…</c>, and the code is exchanged for an HttpOnly cookie, then dropped from
/// the address by a redirect.
/// </summary>
internal static class DashboardCodes
{
    public static readonly Duration Lifetime = Duration.FromMinutes(1);

    public static void MapDashboardCodes(this ApiGroups groups) =>
        groups.Work.MapPost("/scheduler/dashboard-codes", CreateAsync).WithTags("Scheduler");

    private static async Task<Results<Ok<DashboardCodeResponse>, ProblemHttpResult>> CreateAsync(
        AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.HoldsRootGrantAsync(work, GrantRoles.Admin, ct))
        {
            return ApiProblems.Forbidden("Only administrators of the top unit may open the scheduler dashboard.");
        }

        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetCurrentInstant();
        await DashboardCodeStore.InsertAsync(work, Hash(code), access.AccountId, now, now + Lifetime, ct);
        return TypedResults.Ok(new DashboardCodeResponse($"{DashboardTokens.Path}?code={code}", now + Lifetime));
    }

    /// <summary>Exchanges <c>?code=</c> on the dashboard's path for the session cookie, then redirects to the bare path.</summary>
    public static async Task RedeemAsync(HttpContext context)
    {
        var code = context.Request.Query["code"].ToString();
        var db = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var clock = context.RequestServices.GetRequiredService<IClock>();
        Guid? accountId;
        AccountRow? account = null;
        await using (var work = await DbWork.BeginAsync(db, context.RequestAborted))
        {
            accountId = code.Length is > 0 and <= 100
                ? await DashboardCodeStore.RedeemAsync(work, Hash(code), clock.GetCurrentInstant(), context.RequestAborted)
                : null;
            if (accountId is { } id)
            {
                account = await AccountStore.FindAsync(work, id, context.RequestAborted);
            }

            await work.CommitAsync(context.RequestAborted);
        }

        if (account is not { Active: true })
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var token = context.RequestServices.GetRequiredService<TokenIssuer>().Issue(account).Token;
        context.Response.Cookies.Append(DashboardTokens.CookieName, token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Path = DashboardTokens.Path, Secure = context.Request.IsHttps,
        });
        context.Response.Redirect(DashboardTokens.Path);
    }

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));
}
