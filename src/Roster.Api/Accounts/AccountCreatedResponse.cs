namespace Roster.Api.Accounts;

/// <summary>A new account and its one-time password, shown this once: the holder must change it at the first sign-in.</summary>
public sealed record AccountCreatedResponse(AccountResponse Account, string OneTimePassword);
