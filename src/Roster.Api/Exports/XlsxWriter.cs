using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Roster.Api.Exports;

/// <summary>Writes an <see cref="XlsxSheet"/> as an .xlsx workbook with the Open XML SDK (inline strings, no shared table).</summary>
internal static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(XlsxSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheet.Name }));
        }

        return stream.ToArray();
    }

    /// <summary>A1-style reference of a 1-based column and row, e.g. (28, 3) → AB3.</summary>
    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var data = new SheetData();
        var rowNumber = 1;
        data.Append(Row(rowNumber++, [new XlsxCell(sheet.Title, XlsxStyle.Title)]));
        foreach (var cells in sheet.HeaderRows.Concat(sheet.Rows))
        {
            data.Append(Row(rowNumber++, cells));
        }

        var columns = new Columns(sheet.Widths.Select((w, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var frozen = sheet.HeaderRows.Count + 1;
        var view = new SheetView(new Pane
        {
            VerticalSplit = frozen, TopLeftCell = Reference(1, frozen + 1), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 };
        var worksheet = new Worksheet(new SheetViews(view), columns, data);
        if (sheet.Widths.Count > 1)
        {
            worksheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{Reference(sheet.Widths.Count, 1)}" }));
        }

        return worksheet;
    }

    private static Row Row(int number, IReadOnlyList<XlsxCell> cells)
    {
        var row = new Row { RowIndex = (uint)number };
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            row.Append(cell.Number is { } n
                ? new Cell { CellReference = Reference(i + 1, number), StyleIndex = (uint)cell.Style, DataType = CellValues.Number, CellValue = new CellValue((decimal)n) }
                : new Cell
                {
                    CellReference = Reference(i + 1, number), StyleIndex = (uint)cell.Style, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve }),
                });
        }

        return row;
    }
}
