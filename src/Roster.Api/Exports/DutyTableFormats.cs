using NodaTime.Text;
using Roster.Core.Model;

namespace Roster.Api.Exports;

/// <summary>
/// A duty table as spreadsheet rows: one bilingual header row, then one row per day. The CSV is data only (its file
/// name says which version); the workbook prints the title in its page header.
/// </summary>
internal static class DutyTableFormats
{
    public static byte[] Csv(DutyTable table) => CsvWriter.Write(
        new[] { Headers(table).Select(h => $"{h.Zh} / {h.En}") }.Concat(table.Rows.Select(r =>
            (IEnumerable<string>)[LocalDatePattern.Iso.Format(r.Date), .. Texts(r)])));

    public static byte[] Xlsx(DutyTable table)
    {
        var rows = table.Rows.Select(r =>
        {
            var style = Style(r.DayType);
            return (IReadOnlyList<XlsxCell>)[XlsxCell.Of(r.Date, style), .. Texts(r).Select(v => new XlsxCell(v, style))];
        }).ToList();
        IReadOnlyList<double> widths = [12, 10, 22, .. table.Columns.Select(_ => 28.0)];
        return XlsxWriter.Write(new XlsxSheet("值班表 Duty table", table.Title, widths,
            [.. Headers(table).Select(h => new XlsxCell($"{h.Zh}\n{h.En}", XlsxStyle.Header))], rows));
    }

    /// <summary>Holidays and make-up workdays stand out in print; other days stay plain.</summary>
    public static XlsxStyle Style(DayType type) => type switch
    {
        DayType.Holiday => XlsxStyle.Holiday,
        DayType.MakeUpWorkday => XlsxStyle.MakeUpWorkday,
        _ => XlsxStyle.Body,
    };

    private static IEnumerable<(string Zh, string En)> Headers(DutyTable table) =>
        DutyTable.FixedHeaders.Concat(table.Columns.Select(c => (c.HeaderZh, c.HeaderEn)));

    /// <summary>Every cell of a row after the date.</summary>
    private static string[] Texts(DutyTableRow row) => [DutyWords.Weekday(row.Date.DayOfWeek), row.DayTypeText, .. row.Cells];
}
