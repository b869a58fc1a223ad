namespace Roster.Api.Accounts;

/// <summary>A new account: who signs in, optionally the person on duty it belongs to, and its grants (at least one).</summary>
public sealed record AccountRequest(string? Username, string? DisplayName, Guid? PersonId, IReadOnlyList<GrantRequest>? Grants);
