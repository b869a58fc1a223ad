namespace Roster.Core.Storage.Accounts;

/// <summary>What creating an account writes, besides its grants.</summary>
public sealed record NewAccount(string Username, string PasswordHash, string DisplayName, Guid? PersonId, bool PasswordChangeRequired);
