using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;

namespace Roster.Api.Exports;

/// <summary>Writes an <see cref="XlsxSheet"/> as an .xlsx workbook with the Open XML SDK (inline strings, no shared table).</summary>
internal static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Day 0 of the 1900 date system as spreadsheets count it (with Lotus's 1900-02-29, hence the 30th).</summary>
    private static readonly LocalDate Epoch = new(1899, 12, 30);

    public static byte[] Write(XlsxSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WriteCoreProperties(document.AddCoreFilePropertiesPart(), sheet.Title);
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            workbook.Workbook.Append(
                new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheet.Name }),
                XlsxPrintSetup.DefinedNames(sheet));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The title and author in docProps/core.xml, where every reader looks (the packaging API's own properties part
    /// gets a generated name that some readers never find).
    /// </summary>
    private static void WriteCoreProperties(CoreFilePropertiesPart part, string title)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var xml = new XElement(cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", cp), new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XElement(dc + "title", title), new XElement(dc + "creator", "Roster"));
        using var stream = part.GetStream(FileMode.Create);
        xml.Save(stream);
    }

    /// <summary>A1-style reference of a 1-based column and row, e.g. (28, 3) → AB3.</summary>
    public static string Reference(int column, int row) => ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The bottom-right cell of the table (header and rows).</summary>
    private static string LastReference(XlsxSheet sheet) => Reference(Math.Max(1, sheet.Header.Count), sheet.Rows.Count + 1);

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var data = new SheetData();
        var header = Row(1, sheet.Header);
        header.Height = 33;
        header.CustomHeight = true;
        data.Append(header);
        var rowNumber = 2;
        foreach (var cells in sheet.Rows)
        {
            data.Append(Row(rowNumber++, cells));
        }

        var columns = new Columns(sheet.Widths.Select((w, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var view = new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 };
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(view),
            columns,
            data,
            new AutoFilter { Reference = $"A1:{LastReference(sheet)}" });
        XlsxPrintSetup.AppendTo(worksheet, sheet);
        return worksheet;
    }

    private static Row Row(int number, IReadOnlyList<XlsxCell> cells)
    {
        var row = new Row { RowIndex = (uint)number };
        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(Cell(Reference(i + 1, number), cells[i]));
        }

        return row;
    }

    private static Cell Cell(string reference, XlsxCell cell)
    {
        var style = XlsxStyles.Index(cell.Style, cell.Date is not null);
        if (cell.Date is { } date)
        {
            return new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.Number, CellValue = new CellValue(Period.DaysBetween(Epoch, date)) };
        }

        return cell.Number is { } n
            ? new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.Number, CellValue = new CellValue(n) }
            : new Cell
            {
                CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve }),
            };
    }
}
