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
}
