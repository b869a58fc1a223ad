namespace Roster.Api.Accounts;

/// <summary>What an administrator may change on an account besides grants and password. <c>active: false</c> deactivates it.</summary>
public sealed record AccountUpdateRequest(string? DisplayName, Guid? PersonId, bool? Active);
