using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Passwords;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Accounts;

/// <summary>Changes to an existing account: its details and active flag, its grants, a password reset.</summary>
internal static class AccountChangeEndpoints
{
    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, AccountUpdateRequest request, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var displayName = errors.Text("displayName", request.DisplayName, 100);
        var active = errors.Required("active", request.Active);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await FindManagedAsync(work, id, access, lockRow: true, ct)).Failed(out var problem, out var account))
        {
            return problem;
        }

        if (id == access.AccountId && !active)
        {
            return ApiProblems.Forbidden("You cannot deactivate your own account; ask another administrator.");
        }

        var administered = await access.AdministeredAsync(work, ct);
        if (request.PersonId != account.PersonId
            && await AccountRights.CheckPersonAsync(work, request.PersonId, administered, ct) is { } noPerson)
        {
            return noPerson;
        }

        if (ETags.Precondition(http, account.Version) is { } failed)
        {
            return failed;
        }

        var grants = await AccountStore.GrantsAsync(work, id, ct);
        var updated = await AccountStore.UpdateAsync(work, id, account.Version, displayName, request.PersonId, active, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        var body = AccountResponse.From(updated, grants);
        var action = account.Active && !active ? "deactivate" : !account.Active && active ? "activate" : "update";
        await audit.RecordAsync(work, AccountRights.AuditUnit(grants), "account", id, action,
            AccountResponse.From(account, grants), body, ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(body);
    }

    /// <summary>Replaces the account's grants with the given set (all of them, <c>[{unitId, role}]</c>).</summary>
    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ReplaceGrantsAsync(
        Guid id, IReadOnlyList<GrantRequest>? request, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var grants = AccountValidation.Grants(errors, request, "body");
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await FindManagedAsync(work, id, access, lockRow: true, ct)).Failed(out var problem, out var account))
        {
            return problem;
        }

        if (id == access.AccountId)
        {
            return ApiProblems.Forbidden("You cannot change your own grants; ask another administrator.");
        }

        var administered = await access.AdministeredAsync(work, ct);
        if (await AccountRights.CheckGrantsAsync(access, work, grants, administered, ct, "body") is { } denied)
        {
            return denied;
        }

        if (ETags.Precondition(http, account.Version) is { } failed)
        {
            return failed;
        }

        var before = AccountResponse.From(account, await AccountStore.GrantsAsync(work, id, ct));
        await AccountStore.ReplaceGrantsAsync(work, id, grants, ct);
        var touched = await AccountStore.TouchAsync(work, id, ct);
        var body = AccountResponse.From(touched, await AccountStore.GrantsAsync(work, id, ct));
        await audit.RecordAsync(work, AccountRights.AuditUnit(grants), "account", id, "grants", before, body, ct);
        ETags.Set(http.HttpContext.Response, touched.Version);
        return TypedResults.Ok(body);
    }

    /// <summary>Gives the account a new one-time password (shown once) and ends all its sessions.</summary>
    public static async Task<Results<Ok<PasswordResetResponse>, ProblemHttpResult>> ResetPasswordAsync(
        Guid id, HttpResponse response, AccessScope access, Auditor audit, IClock clock, RequestWork transaction,
        IPasswordHasher<AccountRow> hasher, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindManagedAsync(work, id, access, lockRow: true, ct)).Failed(out var problem, out var account))
        {
            return problem;
        }

        var password = OneTimePassword.New(account.Username);
        var reset = await AccountStore.SetPasswordAsync(
            work, id, hasher.HashPassword(account, password), changeRequired: true, clock.GetCurrentInstant(), ct);
        var grants = await AccountStore.GrantsAsync(work, id, ct);
        await audit.RecordAsync(work, AccountRights.AuditUnit(grants), "account", id, "reset-password",
            new { account.PasswordChangeRequired, account.SessionVersion }, new { reset.PasswordChangeRequired, reset.SessionVersion }, ct);
        ETags.Set(response, reset.Version);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new PasswordResetResponse(password));
    }

    /// <summary>The account when the caller manages it; otherwise 403 (the caller administers nothing) or 404.</summary>
    public static async Task<Found<AccountRow>> FindManagedAsync(
        DbWork work, Guid id, AccessScope access, bool lockRow, CancellationToken ct)
    {
        var administered = await access.AdministeredAsync(work, ct);
        if (administered.Count == 0)
        {
            return AccountRights.NotAnAdministrator();
        }

        var account = lockRow
            ? await AccountStore.FindForUpdateAsync(work, id, ct)
            : await AccountStore.FindAsync(work, id, ct);
        if (account is null || !await AccountStore.IsManagedAsync(work, id, administered, ct))
        {
            return ApiProblems.NotFound("account");
        }

        return account;
    }
}
