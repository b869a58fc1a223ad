using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Roster.Api.Exports;

/// <summary>The stylesheet behind <see cref="XlsxStyle"/>: cell formats in the enum's order.</summary>
internal static class XlsxStyles
{
    public const string HeaderFill = "FFD9D9D9";
    public const string HolidayFill = "FFFFC7CE";
    public const string MakeUpWorkdayFill = "FFFFEB9C";

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 14 }));
        // Fills 0 and 1 are reserved by the format (none, gray125).
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid(HeaderFill),
            Solid(HolidayFill),
            Solid(MakeUpWorkdayFill));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        var formats = new CellFormats(
            Format(0, 0, 0, wrap: false),
            Format(2, 0, 0, wrap: false),
            Format(1, 2, 1, wrap: true),
            Format(0, 0, 1, wrap: true),
            Format(0, 3, 1, wrap: true),
            Format(0, 4, 1, wrap: true),
            Format(1, 3, 1, wrap: true));
        return new Stylesheet(fonts, fills, borders, formats);
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString(argb) }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, uint border, bool wrap) => new(
        new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
    {
        FontId = font, FillId = fill, BorderId = border, ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0,
        ApplyAlignment = true,
    };
}
