namespace Roster.Api.Imports;

/// <summary>The columns of the units template, in template order.</summary>
internal static class UnitColumns
{
    public static readonly ImportColumn CodePath = new("codePath", "单位代码路径", "unit code path", true, "school-1");
    public static readonly ImportColumn Name = new("name", "单位名称", "name", true, "第一中学");
    public static readonly ImportColumn NameEn = new("nameEn", "英文名称", "English name", false, "No. 1 Middle School");
    public static readonly ImportColumn TimeZone = new("timeZone", "时区", "time zone", false, "Asia/Shanghai");

    public static readonly IReadOnlyList<ImportColumn> All = [CodePath, Name, NameEn, TimeZone];
}
