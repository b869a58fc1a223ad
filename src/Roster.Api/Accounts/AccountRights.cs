using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.People;

namespace Roster.Api.Accounts;

/// <summary>
/// Who may manage which accounts. Only administrators manage accounts, and only those whose every grant and whose
/// person lie inside the units they administer. A grant may be given only on a unit the granter administers, and only
/// for a role the granter holds there: admin and staff by an administrator, supervisor by one who also supervises it.
/// </summary>
internal static class AccountRights
{
    public static ProblemHttpResult NotAnAdministrator() =>
        ApiProblems.Forbidden("Only administrators manage accounts.");

    /// <summary>The units the caller administers; empty means the caller manages no accounts (403).</summary>
    public static Task<HashSet<Guid>> AdministeredAsync(AccessScope access, DbWork work, CancellationToken ct) =>
        access.AdministeredAsync(work, ct);

    /// <summary>A problem when the caller may not give these grants (404 for units outside, 403 for roles not held); else null.</summary>
    public static async Task<ProblemHttpResult?> CheckGrantsAsync(
        AccessScope access, DbWork work, IReadOnlyList<GrantRow> grants, HashSet<Guid> administered, CancellationToken ct,
        string field = "grants")
    {
        var supervised = await access.SupervisedAsync(work, ct);
        for (var i = 0; i < grants.Count; i++)
        {
            var grant = grants[i];
            if (!administered.Contains(grant.UnitId))
            {
                // An unknown unit and a unit outside the caller's subtree answer alike: existence is not confirmed.
                return FieldNotFound($"{field}[{i}].unitId", "unit");
            }

            if (grant.Role == GrantRoles.Supervisor && !supervised.Contains(grant.UnitId))
            {
                return ApiProblems.Forbidden(
                    $"{field}[{i}]: you may grant only roles you hold on the unit; you do not supervise it.");
            }
        }

        return null;
    }

    /// <summary>A problem when the person is not one of the caller's units (404, like an unknown person); else null.</summary>
    public static async Task<ProblemHttpResult?> CheckPersonAsync(DbWork work, Guid? personId, HashSet<Guid> administered, CancellationToken ct)
    {
        if (personId is not { } id)
        {
            return null;
        }

        var person = await PersonStore.FindAsync(work, id, ct);
        return person is null || !administered.Contains(person.UnitId) ? FieldNotFound("personId", "person") : null;
    }

    /// <summary>The unit an account's audit entries are filed under: its first grant's unit.</summary>
    public static Guid? AuditUnit(IReadOnlyList<GrantRow> grants) => grants.Count > 0 ? grants[0].UnitId : null;

    private static ProblemHttpResult FieldNotFound(string field, string what) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{field}: no such {what} among the units you administer.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [$"no such {what} among the units you administer"] } });
}
