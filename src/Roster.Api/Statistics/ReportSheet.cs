using Roster.Api.Exports;
using Roster.Core.Statistics;

namespace Roster.Api.Statistics;

/// <summary>
/// The monthly report as a workbook for finance: one row per person with the report's figures and its state, then one
/// row per corrected person with the current figures and what changed.
/// </summary>
internal static class ReportSheet
{
    public static byte[] Write(StatisticsReportResponse report, IReadOnlyList<PersonStatisticsResponse> current)
    {
        var state = report.State == StatisticsReportState.Confirmed.Code
            ? $"已确认 Confirmed {report.ConfirmedAt?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"
            : "草稿 Draft";
        IReadOnlyList<StatisticsColumn<PersonStatisticsResponse>> columns =
            [.. PersonColumns.All, new("状态", "State", 36, _ => new XlsxCell(state))];
        var rows = report.People.Select(p => (IReadOnlyList<XlsxCell>)[.. columns.Select(c => c.Cell(p))]).ToList();
        var byPerson = current.ToDictionary(p => p.PersonId);
        foreach (var corrected in report.Corrections.GroupBy(c => c.PersonId))
        {
            var note = "更正 Correction: " + string.Join("; ", corrected.Select(c =>
                $"{PersonFigures.Labels[c.Field]} {Number(c.Confirmed)} → {Number(c.Current)}"));
            var now = byPerson.GetValueOrDefault(corrected.Key);
            IReadOnlyList<XlsxCell> cells = now is null
                ? [new XlsxCell(""), new XlsxCell(corrected.First().Name), .. Enumerable.Range(0, columns.Count - 3).Select(_ => new XlsxCell("")), new XlsxCell(note, XlsxStyle.Alert)]
                : [.. PersonColumns.All.Select(c => c.Cell(now)), new XlsxCell(note, XlsxStyle.Alert)];
            rows.Add(cells);
        }

        var title = $"值班统计月报 Monthly duty statistics · {report.UnitName} · {report.Month} · {state}";
        return XlsxWriter.Write(StatisticsSheets.Sheet("值班统计月报 Monthly report", title, columns, rows));
    }

    private static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
