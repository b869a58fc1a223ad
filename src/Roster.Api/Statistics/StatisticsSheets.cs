using Roster.Api.Exports;

namespace Roster.Api.Statistics;

/// <summary>Turns statistics rows into a one-sheet workbook with bilingual headers.</summary>
internal static class StatisticsSheets
{
    public static byte[] Write<T>(string sheetName, string title, IReadOnlyList<StatisticsColumn<T>> columns, IEnumerable<T> rows) =>
        XlsxWriter.Write(Sheet(sheetName, title, columns, rows.Select(r => (IReadOnlyList<XlsxCell>)[.. columns.Select(c => c.Cell(r))])));

    public static XlsxSheet Sheet<T>(
        string sheetName, string title, IReadOnlyList<StatisticsColumn<T>> columns, IEnumerable<IReadOnlyList<XlsxCell>> rows) =>
        new(sheetName, title, [.. columns.Select(c => c.Width)],
            [.. columns.Select(c => new XlsxCell($"{c.HeaderZh}\n{c.HeaderEn}", XlsxStyle.Header))], [.. rows]);
}
