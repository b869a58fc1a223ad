using Roster.Api.Exports;

namespace Roster.Api.Statistics;

/// <summary>The columns of the per-unit statistics sheet, in order.</summary>
internal static class UnitStatisticsColumns
{
    public static readonly IReadOnlyList<StatisticsColumn<UnitStatisticsResponse>> All =
    [
        new("单位", "Unit", 26, u => new XlsxCell(DutyWords.Both(u.Name, u.NameEn))),
        new("值班次数", "Duties", 10, u => XlsxCell.Of(u.Duties)),
        new("时长(小时)", "Hours", 10, u => XlsxCell.Of(u.Hours)),
        new("应排", "Required slots", 10, u => XlsxCell.Of(u.RequiredSlots)),
        new("已排", "Filled slots", 10, u => XlsxCell.Of(u.FilledSlots)),
        new("覆盖率(%)", "Coverage (%)", 10, u => u.CoveragePercent is { } p ? XlsxCell.Of(p, p < 100 ? XlsxStyle.Alert : XlsxStyle.Body) : new XlsxCell("—")),
        new("空岗", "Unfilled", 8, u => XlsxCell.Of(u.Gaps.Unfilled)),
        new("无法到岗", "Unavailable", 8, u => XlsxCell.Of(u.Gaps.Unavailable)),
        new("冲突", "Conflict", 8, u => XlsxCell.Of(u.Gaps.Conflict)),
        new("漏签到", "Missed check-in", 8, u => XlsxCell.Of(u.Gaps.MissedCheckIn)),
        new("漏报", "Report missing", 8, u => XlsxCell.Of(u.Gaps.LateReport)),
        new("日报", "Daily reports", 8, u => XlsxCell.Of(u.Reports.Filed)),
        new("迟报", "Reports late", 8, u => XlsxCell.Of(u.Reports.Late, u.Reports.Late > 0 ? XlsxStyle.Alert : XlsxStyle.Body)),
        new("突发事件", "Incidents", 8, u => XlsxCell.Of(u.Incidents)),
        new("抽查在岗", "Spot check: on post", 10, u => XlsxCell.Of(u.SpotChecks.OnPost)),
        new("抽查不在岗", "Spot check: elsewhere", 10, u => XlsxCell.Of(u.SpotChecks.Elsewhere)),
        new("抽查未联系上", "Spot check: not reached", 10, u => XlsxCell.Of(u.SpotChecks.NotReached)),
        new("抽查待定", "Spot check: pending", 10, u => XlsxCell.Of(u.SpotChecks.Pending)),
        new("值班补贴(元)", "Allowance (CNY)", 12, u => XlsxCell.Of(u.Allowance)),
        new("补休(小时)", "Time off in lieu (h)", 12, u => XlsxCell.Of(u.CompensatoryHours)),
    ];
}
