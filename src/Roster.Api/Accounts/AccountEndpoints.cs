using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Passwords;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Accounts;

/// <summary>Accounts and their grants, managed by the administrators of the units they belong to (see <see cref="AccountRights"/>).</summary>
internal static class AccountEndpoints
{
    public static void MapAccounts(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("/accounts").WithTags("Accounts");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", AccountChangeEndpoints.UpdateAsync);
        group.MapPut("/{id:guid}/grants", AccountChangeEndpoints.ReplaceGrantsAsync);
        group.MapPost("/{id:guid}:reset-password", AccountChangeEndpoints.ResetPasswordAsync);
    }

    private static async Task<Results<Ok<Page<AccountResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        var work = transaction.Work;
        var administered = await AccountRights.AdministeredAsync(access, work, ct);
        if (administered.Count == 0)
        {
            return AccountRights.NotAnAdministrator();
        }

        if (unit is { } unitId && !administered.Contains(unitId))
        {
            return ApiProblems.NotFound("unit");
        }

        var rows = await AccountStore.ListManagedAsync(work, administered, unit, page.AfterId, page.Limit + 1, ct);
        var grants = await AccountStore.GrantsOfAsync(work, rows.Select(r => r.Id).ToList(), ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), r => AccountResponse.From(r, grants[r.Id])));
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await AccountChangeEndpoints.FindManagedAsync(work, id, access, lockRow: false, ct)).Failed(out var problem, out var account))
        {
            return problem;
        }

        var grants = await AccountStore.GrantsAsync(work, id, ct);
        ETags.Set(response, account.Version);
        return TypedResults.Ok(AccountResponse.From(account, grants));
    }

    private static async Task<Results<Created<AccountCreatedResponse>, ProblemHttpResult>> CreateAsync(
        AccountRequest request, HttpResponse response, AccessScope access, Auditor audit, IClock clock, RequestWork transaction,
        IPasswordHasher<AccountRow> hasher, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var username = AccountValidation.Username(errors, request.Username);
        var displayName = errors.Text("displayName", request.DisplayName, 100);
        var grants = AccountValidation.Grants(errors, request.Grants);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var administered = await AccountRights.AdministeredAsync(access, work, ct);
        if (administered.Count == 0)
        {
            return AccountRights.NotAnAdministrator();
        }

        if (await AccountRights.CheckGrantsAsync(access, work, grants, administered, ct) is { } denied)
        {
            return denied;
        }

        if (await AccountRights.CheckPersonAsync(work, request.PersonId, administered, ct) is { } noPerson)
        {
            return noPerson;
        }

        if (await AccountStore.FindByUsernameAsync(work, username, ct) is not null)
        {
            return ApiProblems.Conflict("Another account already has this username.", "username");
        }

        var password = OneTimePassword.New(username);
        var now = clock.GetCurrentInstant();
        var id = await AccountStore.InsertAsync(work, new NewAccount(
            username, hasher.HashPassword(new AccountRow { Username = username }, password), displayName, request.PersonId,
            PasswordChangeRequired: true), now, ct);
        await AccountStore.ReplaceGrantsAsync(work, id, grants, ct);
        var created = await AccountStore.FindAsync(work, id, ct)
            ?? throw new InvalidOperationException("The account just written is missing.");
        var body = AccountResponse.From(created, await AccountStore.GrantsAsync(work, id, ct));
        await audit.RecordAsync(work, AccountRights.AuditUnit(grants), "account", id, "create", null, body, ct);
        ETags.Set(response, created.Version);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/accounts/{id}", new AccountCreatedResponse(body, password));
    }
}
