namespace Roster.Api.Accounts;

/// <summary>The account's new one-time password, shown this once; every session of the account has ended.</summary>
public sealed record PasswordResetResponse(string OneTimePassword, bool PasswordChangeRequired = true);
