using NodaTime;

namespace Roster.Core.Storage.Accounts;

/// <summary>A local sign-in account. The password hash comes from ASP.NET Core Identity's hasher.</summary>
public sealed class AccountRow
{
    public Guid Id { get; init; }

    public string Username { get; init; } = "";

    public string PasswordHash { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public Guid? PersonId { get; init; }

    public bool Active { get; init; }

    /// <summary>The row version, for ETags.</summary>
    public int Version { get; init; }

    /// <summary>Tokens carry the session version they were issued under; a password change or a deactivation bumps it.</summary>
    public int SessionVersion { get; init; }

    /// <summary>The password is a one-time password: the account may only read itself and change it.</summary>
    public bool PasswordChangeRequired { get; init; }

    /// <summary>Hashes of the last passwords before the current one, newest first (a new password may not reuse them).</summary>
    public string[] PreviousPasswordHashes { get; init; } = [];

    public Instant CreatedAt { get; init; }
}
