using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Roster.Api.Exports;

/// <summary>
/// How a sheet prints: landscape A4, one page wide (as many pages tall as it takes), the header row repeated on every
/// page, the title in the page header and page numbers in the footer.
/// </summary>
internal static class XlsxPrintSetup
{
    /// <summary>Office refuses a header or footer longer than 255 characters, codes included.</summary>
    private const int MaxHeaderLength = 255;

    /// <summary>Centre, bold. (No size code: "&amp;12" would swallow a title's leading digits.)</summary>
    private const string TitleCodes = "&C&\"-,Bold\"";

    /// <summary>Worksheet elements in the order the schema wants them after the autofilter.</summary>
    public static void AppendTo(Worksheet worksheet, XlsxSheet sheet) => worksheet.Append(
        new PageMargins { Left = 0.4, Right = 0.4, Top = 0.75, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
        new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
        new HeaderFooter(
            new OddHeader(Header(sheet.Title)),
            new OddFooter($"&L{Escape(sheet.Name)}&C&P / &N")));

    /// <summary>The autofilter's range (Office keeps it as a hidden name too) and the print titles (row 1).</summary>
    public static DefinedNames DefinedNames(XlsxSheet sheet)
    {
        var quoted = "'" + sheet.Name.Replace("'", "''", StringComparison.Ordinal) + "'";
        var lastColumn = XlsxWriter.ColumnLetters(Math.Max(1, sheet.Header.Count));
        var range = string.Create(CultureInfo.InvariantCulture, $"{quoted}!$A$1:${lastColumn}${sheet.Rows.Count + 1}");
        return new DefinedNames(
            new DefinedName(range) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
            new DefinedName($"{quoted}!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 });
    }

    /// <summary>The title as a centred bold header, shortened with an ellipsis when it would pass Office's limit.</summary>
    public static string Header(string title)
    {
        var escaped = Escape(title);
        if (TitleCodes.Length + escaped.Length <= MaxHeaderLength)
        {
            return TitleCodes + escaped;
        }

        var room = MaxHeaderLength - TitleCodes.Length - 1;
        var cut = title.Length;
        while (cut > 0 && Escape(title[..cut]).Length > room)
        {
            cut--;
        }

        if (cut > 0 && char.IsHighSurrogate(title[cut - 1]))
        {
            cut--;
        }

        return TitleCodes + Escape(title[..cut]) + "…";
    }

    /// <summary>An ampersand starts a code in headers and footers; a literal one is doubled.</summary>
    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);
}
