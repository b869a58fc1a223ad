namespace Roster.Api.Auth;

/// <summary>Token settings, bound from the <c>Auth</c> section.</summary>
internal sealed class AuthOptions
{
    /// <summary>The HMAC-SHA256 signing key; at least 32 characters. Never committed: <c>./roster up</c> generates one.</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "roster";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins allowed per username and client address within <see cref="LockoutWindow"/>.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);
}
