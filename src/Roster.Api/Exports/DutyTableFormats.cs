using NodaTime.Text;
using Roster.Core.Model;

namespace Roster.Api.Exports;

/// <summary>A duty table as spreadsheet rows: title, zh-CN header row, en header row, then one row per day.</summary>
internal static class DutyTableFormats
{
    public static byte[] Csv(DutyTable table) => CsvWriter.Write(
        new[] { new[] { table.Title }, HeadersZh(table), HeadersEn(table) }.Concat(table.Rows.Select(Values)));

    public static byte[] Xlsx(DutyTable table)
    {
        var rows = table.Rows.Select(r =>
        {
            var style = Style(r.DayType);
            return (IReadOnlyList<XlsxCell>)Values(r).Select(v => new XlsxCell(v, style)).ToList();
        }).ToList();
        IReadOnlyList<double> widths = [12, 10, 22, .. table.Columns.Select(_ => 28.0)];
        return XlsxWriter.Write(new XlsxSheet("值班表 Duty table", table.Title, widths,
            [HeadersZh(table).Select(h => new XlsxCell(h, XlsxStyle.Header)).ToList(),
             HeadersEn(table).Select(h => new XlsxCell(h, XlsxStyle.Header)).ToList()], rows));
    }

    /// <summary>Holidays and make-up workdays stand out in print; other days stay plain.</summary>
    public static XlsxStyle Style(DayType type) => type switch
    {
        DayType.Holiday => XlsxStyle.Holiday,
        DayType.MakeUpWorkday => XlsxStyle.MakeUpWorkday,
        _ => XlsxStyle.Body,
    };

    private static string[] HeadersZh(DutyTable table) => [.. DutyTable.FixedHeaders.Select(h => h.Zh), .. table.Columns.Select(c => c.HeaderZh)];

    private static string[] HeadersEn(DutyTable table) => [.. DutyTable.FixedHeaders.Select(h => h.En), .. table.Columns.Select(c => c.HeaderEn)];

    private static string[] Values(DutyTableRow row) =>
        [LocalDatePattern.Iso.Format(row.Date), DutyWords.Weekday(row.Date.DayOfWeek), row.DayTypeText, .. row.Cells];
}
