namespace Roster.Core.Storage.Accounts;

/// <summary>The roles a grant can give on a unit's subtree.</summary>
public static class GrantRoles
{
    /// <summary>Defines the unit's people, rules and rosters.</summary>
    public const string Admin = "admin";

    /// <summary>The bureau: sees everything in the subtree.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>A duty staff member: sees the unit, acts on their own slots.</summary>
    public const string Staff = "staff";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Staff];
}
