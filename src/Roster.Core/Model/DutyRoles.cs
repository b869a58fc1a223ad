namespace Roster.Core.Model;

/// <summary>The built-in duty roles. Custom roles (e.g. a gate guard) are any other lower-case code.</summary>
public static class DutyRoles
{
    /// <summary>带班领导, leader on duty.</summary>
    public const string Leader = "leader";

    /// <summary>值班人员, staff on duty.</summary>
    public const string Staff = "staff";
}
