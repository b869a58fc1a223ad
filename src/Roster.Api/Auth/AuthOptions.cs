namespace Roster.Api.Auth;

/// <summary>Token settings, bound from the <c>Auth</c> section.</summary>
internal sealed class AuthOptions
{
    /// <summary>The HMAC-SHA256 signing key; at least 32 characters. Never committed: <c>./roster up</c> generates one.</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "roster";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts allowed per username and client address within <see cref="LockoutWindow"/>.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>
    /// Sign-in attempts allowed per client address (any username) within <see cref="LockoutWindow"/>; a successful
    /// sign-in gives its attempt back, so an office behind one address is held up only by failures.
    /// </summary>
    public int MaxFailedLoginsPerAddress { get; set; } = 100;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);
}
