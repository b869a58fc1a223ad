using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Roster.Api.Tests.Exports;

/// <summary>Reads the first sheet of a workbook with the Open XML SDK, by A1 reference.</summary>
public static class XlsxReader
{
    public static (string SheetName, IReadOnlyDictionary<string, XlsxReadCell> Cells) Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var fills = styles.Fills!.Elements<Fill>().ToList();
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = new Dictionary<string, XlsxReadCell>(StringComparer.Ordinal);
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            var type = cell.DataType?.Value;
            var text = type == CellValues.InlineString ? cell.InlineString!.InnerText
                : type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                : cell.CellValue?.Text ?? "";
            var fillId = (int)(formats[(int)(cell.StyleIndex?.Value ?? 0)].FillId?.Value ?? 0);
            var pattern = fills[fillId].PatternFill;
            var fill = pattern?.PatternType?.Value == PatternValues.Solid ? pattern.ForegroundColor?.Rgb?.Value : null;
            cells[cell.CellReference!.Value!] = new XlsxReadCell(text, fill);
        }

        return (sheet.Name!.Value!, cells);
    }

    /// <summary>The text of a cell, or "" when the cell is absent.</summary>
    public static string Text(this IReadOnlyDictionary<string, XlsxReadCell> cells, string reference) =>
        cells.TryGetValue(reference, out var c) ? c.Text : "";

    public static string Column(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Column((column - 1) / 26) + (char)('A' + ((column - 1) % 26));
}
