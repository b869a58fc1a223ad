using Roster.Core.Calendars;
using Roster.Core.Model;

namespace Roster.Api.Exports;

/// <summary>The words of the glossary that duty tables and calendar feeds show, in zh-CN and en side by side.</summary>
internal static class DutyWords
{
    public const string Duty = "值班 Duty";

    /// <summary>Standby (备班): reachable, not on site; steps in first when a slot opens.</summary>
    public const string Standby = "备班 Standby";

    public static string RoleZh(string role) => role switch
    {
        DutyRoles.Leader => "带班领导",
        DutyRoles.Staff => "值班人员",
        _ => role,
    };

    public static string RoleEn(string role) => role switch
    {
        DutyRoles.Leader => "leader on duty",
        DutyRoles.Staff => "staff on duty",
        _ => role,
    };

    /// <summary>e.g. 值班人员 staff on duty; a custom role shows its code once.</summary>
    public static string Role(string role) => Both(RoleZh(role), RoleEn(role));

    /// <summary>e.g. 白班 Day shift; the code when the shift is unknown.</summary>
    public static string Shift(string code, string? name, string? nameEn) => Both(name ?? code, nameEn ?? name ?? code);

    public static string DayTypeZh(DayType type) => type switch
    {
        DayType.Workday => "工作日",
        DayType.Weekend => "周末",
        DayType.Holiday => "节假日",
        DayType.MakeUpWorkday => "调休上班日",
        _ => type.ToString(),
    };

    public static string DayTypeEn(DayType type) => type switch
    {
        DayType.Workday => "Workday",
        DayType.Weekend => "Weekend",
        DayType.Holiday => "Public holiday",
        DayType.MakeUpWorkday => "Make-up workday",
        _ => type.ToString(),
    };

    /// <summary>e.g. 节假日 Public holiday: 元旦 New Year's Day.</summary>
    public static string DayTypeText(DayType type, Holiday? holiday) =>
        Both(DayTypeZh(type), DayTypeEn(type)) + (holiday is null ? "" : ": " + Both(holiday.Name, holiday.NameEn));

    public static string Weekday(NodaTime.IsoDayOfWeek day) => day switch
    {
        NodaTime.IsoDayOfWeek.Monday => "周一 Mon",
        NodaTime.IsoDayOfWeek.Tuesday => "周二 Tue",
        NodaTime.IsoDayOfWeek.Wednesday => "周三 Wed",
        NodaTime.IsoDayOfWeek.Thursday => "周四 Thu",
        NodaTime.IsoDayOfWeek.Friday => "周五 Fri",
        NodaTime.IsoDayOfWeek.Saturday => "周六 Sat",
        _ => "周日 Sun",
    };

    /// <summary>"zh en", or one of them when both say the same.</summary>
    public static string Both(string zh, string? en) =>
        string.IsNullOrWhiteSpace(en) || string.Equals(zh, en, StringComparison.Ordinal) ? zh : $"{zh} {en}";
}
