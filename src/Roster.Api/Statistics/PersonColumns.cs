using Roster.Api.Exports;

namespace Roster.Api.Statistics;

/// <summary>The columns of the per-person statistics sheet, in order. Add a measure by adding a line.</summary>
internal static class PersonColumns
{
    public static readonly IReadOnlyList<StatisticsColumn<PersonStatisticsResponse>> All =
    [
        new("单位", "Unit", 22, p => new XlsxCell(p.UnitName)),
        new("姓名", "Name", 14, p => new XlsxCell(p.Name)),
        new("值班次数", "Duties", 10, p => XlsxCell.Of(p.Duties)),
        new("工作日", "Workday", 10, p => XlsxCell.Of(p.ByDayType.Workday)),
        new("周末", "Weekend", 10, p => XlsxCell.Of(p.ByDayType.Weekend)),
        new("节假日", "Public holiday", 10, p => XlsxCell.Of(p.ByDayType.Holiday, p.ByDayType.Holiday > 0 ? XlsxStyle.Holiday : XlsxStyle.Body)),
        new("调休上班日", "Make-up workday", 12, p => XlsxCell.Of(p.ByDayType.MakeUpWorkday, p.ByDayType.MakeUpWorkday > 0 ? XlsxStyle.MakeUpWorkday : XlsxStyle.Body)),
        new("班次", "By shift", 24, p => new XlsxCell(string.Join("; ", p.ByShift.Select(s => $"{DutyWords.Shift(s.Code, s.Name, s.NameEn)} ×{s.Duties}")))),
        new("时长(小时)", "Hours", 10, p => XlsxCell.Of(p.Hours)),
        new("夜班", "Night duties", 10, p => XlsxCell.Of(p.NightDuties)),
        new("备班天数", "Standby days", 10, p => XlsxCell.Of(p.StandbyDays)),
        new("按时签到", "On-time check-ins", 10, p => XlsxCell.Of(p.CheckIns.OnTime)),
        new("迟到签到", "Late check-ins", 10, p => XlsxCell.Of(p.CheckIns.Late, p.CheckIns.Late > 0 ? XlsxStyle.Alert : XlsxStyle.Body)),
        new("漏签到", "Missed check-ins", 10, p => XlsxCell.Of(p.CheckIns.Missed, p.CheckIns.Missed > 0 ? XlsxStyle.Alert : XlsxStyle.Body)),
        new("换出", "Swaps given", 10, p => XlsxCell.Of(p.Swaps.Given)),
        new("换入", "Swaps taken", 10, p => XlsxCell.Of(p.Swaps.Taken)),
        new("值班补贴(元)", "Allowance (CNY)", 12, p => XlsxCell.Of(p.Allowance)),
        new("补休(小时)", "Time off in lieu (h)", 12, p => XlsxCell.Of(p.CompensatoryHours)),
    ];
}
