using Roster.Api.Problems;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Accounts;

/// <summary>Checks account requests field by field.</summary>
internal static class AccountValidation
{
    public const int MaxGrants = 200;

    /// <summary>3 to 64 letters, digits, '.', '_', '-' or '@' (Chinese names are letters too).</summary>
    public static string Username(FieldErrors errors, string? value)
    {
        var username = errors.Text("username", value, 64);
        if (username.Length > 0 && (username.Length < 3 || !username.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@')))
        {
            errors.Add("username", "must be 3 to 64 letters, digits, '.', '_', '-' or '@'");
        }

        return username;
    }

    /// <summary>The grants as rows, each checked for form; duplicates collapse to one.</summary>
    public static IReadOnlyList<GrantRow> Grants(FieldErrors errors, IReadOnlyList<GrantRequest>? grants, string field = "grants")
    {
        if (grants is null || grants.Count == 0)
        {
            errors.Add(field, "needs at least one grant (deactivate an account instead of taking all its grants)");
            return [];
        }

        if (grants.Count > MaxGrants)
        {
            errors.Add(field, $"may hold at most {MaxGrants} grants");
            return [];
        }

        var rows = new List<GrantRow>();
        for (var i = 0; i < grants.Count; i++)
        {
            var grant = grants[i];
            if (grant is null)
            {
                errors.Add($"{field}[{i}]", "is required");
                continue;
            }

            var unitId = errors.Required($"{field}[{i}].unitId", grant.UnitId);
            if (grant.Role is null || !GrantRoles.All.Contains(grant.Role))
            {
                errors.Add($"{field}[{i}].role", "must be admin, supervisor or staff");
                continue;
            }

            rows.Add(new GrantRow { UnitId = unitId, Role = grant.Role });
        }

        return rows.DistinctBy(g => (g.UnitId, g.Role)).ToList();
    }
}
