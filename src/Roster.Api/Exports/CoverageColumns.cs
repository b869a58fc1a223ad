namespace Roster.Api.Exports;

/// <summary>The columns of the coverage report, in order. Add a measure by adding a line.</summary>
internal static class CoverageColumns
{
    public static readonly IReadOnlyList<CoverageColumn> All =
    [
        new("单位", "Unit", 28, d => new XlsxCell(DutyWords.Both(d.Unit.Name, d.Unit.NameEn), DayStyle(d))),
        new("日期", "Date", 12, d => XlsxCell.Of(d.Date, DayStyle(d))),
        new("星期", "Weekday", 10, d => new XlsxCell(DutyWords.Weekday(d.Date.DayOfWeek), DayStyle(d))),
        new("类型", "Day type", 22, d => new XlsxCell(d.DayType is { } t ? DutyWords.DayTypeText(t, d.Holiday) : "—", DayStyle(d))),
        new("应排", "Required slots", 10, d => XlsxCell.Of(d.Required)),
        new("已排", "Filled slots", 10, d => XlsxCell.Of(d.Filled)),
        new("空岗", "Unfilled slots", 10, d => XlsxCell.Of(d.Unfilled, d.Unfilled > 0 ? XlsxStyle.Alert : XlsxStyle.Body)),
        new("状态", "Status", 18, d => d switch
        {
            { Required: 0 } => new XlsxCell("无值班 No duty"),
            { Unfilled: > 0 } => new XlsxCell("有空岗 Gaps", XlsxStyle.Alert),
            _ => new XlsxCell("已排满 Covered"),
        }),
    ];

    private static XlsxStyle DayStyle(CoverageReportRow day) => day.DayType is { } t ? DutyTableFormats.Style(t) : XlsxStyle.Body;
}
