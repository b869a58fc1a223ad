namespace Roster.Core.Storage.Accounts;

/// <summary>A grant with the account it belongs to, for reading the grants of several accounts at once.</summary>
public sealed class AccountGrantRow
{
    public Guid AccountId { get; init; }

    public Guid UnitId { get; init; }

    public string Role { get; init; } = "";
}
