namespace Roster.Api.Imports;

/// <summary>The columns of the staff list (花名册) template, in template order.</summary>
internal static class PeopleColumns
{
    public static readonly ImportColumn UnitPath = new("unitPath", "单位代码路径", "unit code path", true, "school-1");
    public static readonly ImportColumn Name = new("name", "姓名", "name", true, "张伟");
    public static readonly ImportColumn StaffNumber = new("staffNumber", "工号", "staff number", true, "S0001");
    public static readonly ImportColumn Phone = new("phone", "手机", "phone", false, "13800138000");
    public static readonly ImportColumn Email = new("email", "邮箱", "email", false, "zhangwei@example.cn");
    public static readonly ImportColumn Roles = new("roles", "值班角色", "duty roles", true, "带班领导 leader, 值班人员 staff");
    public static readonly ImportColumn EmploymentType = new("employmentType", "用工类型", "employment type", false, "正式 formal");
    public static readonly ImportColumn Tags = new("tags", "标签", "tags", false, "first-aid");
    public static readonly ImportColumn Username = new("username", "登录账号", "username", false, "zhangwei");

    public static readonly IReadOnlyList<ImportColumn> All = [UnitPath, Name, StaffNumber, Phone, Email, Roles, EmploymentType, Tags, Username];
}
