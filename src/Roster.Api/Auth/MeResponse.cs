namespace Roster.Api.Auth;

/// <summary>The signed-in account and its grants.</summary>
public sealed record MeResponse(
    Guid Id, string Username, string DisplayName, Guid? PersonId, bool PasswordChangeRequired, IReadOnlyList<GrantResponse> Grants);

/// <summary>A role on a unit and its subtree.</summary>
public sealed record GrantResponse(Guid UnitId, string Role);
