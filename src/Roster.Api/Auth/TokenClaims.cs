namespace Roster.Api.Auth;

/// <summary>The claims Roster's tokens carry.</summary>
internal static class TokenClaims
{
    public const string Subject = "sub";

    public const string Name = "name";

    /// <summary>The account's session version when the token was issued.</summary>
    public const string SessionVersion = "sv";

    /// <summary>Present (true) on a token signed in with a one-time password.</summary>
    public const string PasswordChangeRequired = "pcr";
}
