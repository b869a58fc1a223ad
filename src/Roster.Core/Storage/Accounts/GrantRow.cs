namespace Roster.Core.Storage.Accounts;

/// <summary>A right on a unit and its subtree: admin, supervisor or staff.</summary>
public sealed class GrantRow
{
    public Guid UnitId { get; init; }

    public string Role { get; init; } = "";
}
