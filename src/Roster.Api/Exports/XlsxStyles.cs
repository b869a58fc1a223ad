using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Roster.Api.Exports;

/// <summary>
/// The stylesheet behind <see cref="XlsxStyle"/>: a Normal cell style (the default every cell falls back to), then one
/// cell format per style in the enum's order, then the same again with the date number format.
/// </summary>
internal static class XlsxStyles
{
    public const string HeaderFill = "FFD9D9D9";
    public const string HolidayFill = "FFFFC7CE";
    public const string MakeUpWorkdayFill = "FFFFEB9C";

    /// <summary>The date number format (custom formats start at 164).</summary>
    public const uint DateFormatId = 164;

    public const string DateFormat = "yyyy-mm-dd";

    /// <summary>等线 (DengXian) is the default body font of zh-CN Office; other apps substitute a CJK font.</summary>
    public const string FontName = "等线";

    private static readonly int StyleCount = Enum.GetValues<XlsxStyle>().Length;

    public static uint Index(XlsxStyle style, bool date) => (uint)style + (date ? (uint)StyleCount : 0);

    public static Stylesheet Create()
    {
        var fonts = new Fonts(Font(bold: false), Font(bold: true));
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
        (uint Font, uint Fill, uint Border, bool Center)[] looks =
        [
            (0, 0, 0, false), // Default
            (1, 2, 1, true), // Header
            (0, 0, 1, false), // Body
            (0, 3, 1, false), // Holiday
            (0, 4, 1, false), // MakeUpWorkday
            (1, 3, 1, false), // Alert
        ];
        var formats = new CellFormats(
            looks.Select(l => Format(l.Font, l.Fill, l.Border, l.Center, date: false))
                .Concat(looks.Select(l => Format(l.Font, l.Fill, l.Border, l.Center, date: true))));
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat }) { Count = 1 },
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString(argb) }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, uint border, bool center, bool date) => new(
        new Alignment
        {
            Vertical = VerticalAlignmentValues.Center, WrapText = true,
            Horizontal = center ? HorizontalAlignmentValues.Center : null,
        })
    {
        NumberFormatId = date ? DateFormatId : 0, FontId = font, FillId = fill, BorderId = border, FormatId = 0,
        ApplyNumberFormat = date, ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyAlignment = true,
    };
}
