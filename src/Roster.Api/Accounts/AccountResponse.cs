using NodaTime;
using Roster.Api.Auth;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Accounts;

/// <summary>An account as its administrators see it (never its password or hash).</summary>
public sealed record AccountResponse(
    Guid Id, string Username, string DisplayName, Guid? PersonId, bool Active, bool PasswordChangeRequired,
    IReadOnlyList<GrantResponse> Grants, int Version, Instant CreatedAt)
{
    public static AccountResponse From(AccountRow row, IEnumerable<GrantRow> grants) =>
        new(row.Id, row.Username, row.DisplayName, row.PersonId, row.Active, row.PasswordChangeRequired,
            grants.Select(g => new GrantResponse(g.UnitId, g.Role)).ToList(), row.Version, row.CreatedAt);
}
