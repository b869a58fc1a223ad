using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NodaTime;
using Roster.Api.Exports;
using Roster.Core.Model;

namespace Roster.Api.Tests.Exports;

/// <summary>The export formats on their own, without a database: what spreadsheet software would make of hostile or long text.</summary>
public sealed class ExportFormatTests
{
    [Fact]
    public async Task Csv_CellsThatStartLikeFormulas_AreEscapedWithAnApostropheAndQuoted()
    {
        string[] hostile = ["=1+2", "+8613800000000", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd", "=HYPERLINK(\"http://x\",\"点我\")"];
        string[] harmless = ["张三 13800000000", "a,b", "— no shift", "1-2", "", "x=1", "'quoted"];
        var bytes = CsvWriter.Write([hostile, harmless]);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"'=1+2\",", text, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(A1:A9)\"", text, StringComparison.Ordinal);
        var rows = await CsvReader.ReadAsync(bytes);
        Assert.Equal(hostile.Select(h => "'" + h), rows[0]);
        Assert.Equal(harmless, rows[1]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task DutyTableCsv_PersonNamedLikeAFormula_ComesOutAsText()
    {
        var table = new DutyTable("t", [new DutyTableColumn("D", "staff", "白班 值班人员", "Day shift · staff on duty")],
            [new DutyTableRow(new LocalDate(2026, 10, 1), DayType.Holiday, "节假日 Public holiday", ["=cmd|' /C calc'!A0 13800000000"])]);

        var rows = await CsvReader.ReadAsync(DutyTableFormats.Csv(table));

        Assert.Equal(["日期 / Date", "星期 / Weekday", "类型 / Day type", "白班 值班人员 / Day shift · staff on duty"], rows[0]);
        Assert.Equal(["2026-10-01", "周四 Thu", "节假日 Public holiday", "'=cmd|' /C calc'!A0 13800000000"], rows[1]);
    }

    [Fact]
    public void Header_LongTitleWithAmpersands_FitsOfficesLimitWithEscapedAmpersands()
    {
        var header = XlsxPrintSetup.Header(LongTitle);
        Assert.True(header.Length <= 255, $"{header.Length} characters");
        Assert.EndsWith("…", header, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?<!&)&(?!&)[^C\"]", header.Replace("&&", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_LongTitleWithAmpersands_PrintsTheEscapedTitleInTheHeader()
    {
        Assert.StartsWith("A&&B 第一中学", (await LongTitleBookAsync()).HeaderCenter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_LongTitleWithAmpersands_KeepsTheWholeTitleInProperties()
    {
        Assert.Equal(LongTitle, (await LongTitleBookAsync()).Title);
    }

    [Fact]
    public async Task Xlsx_DateCellAfterExcelsLeapDay_ReadsBackAsThatDateUnderAFilter()
    {
        var book = await LongTitleBookAsync();
        Assert.Equal(("1900-03-01", "date"), (book.Cells.Text("A2"), book.Cells["A2"].Kind));
        Assert.Equal("A1:A2", book.AutoFilter);
    }

    [Fact]
    public void DutyTableXlsx_IsValidAgainstTheOfficeSchema()
    {
        var table = new DutyTable("第一中学 · 值班表 Duty roster & more", [new DutyTableColumn("D", "staff", "白班 值班人员", "Day shift · staff on duty")],
            [new DutyTableRow(new LocalDate(2026, 10, 1), DayType.Holiday, "节假日 Public holiday", ["张三"]),
             new DutyTableRow(new LocalDate(2026, 10, 10), DayType.MakeUpWorkday, "调休上班日 Make-up workday", [DutyTable.Unfilled])]);

        using var stream = new MemoryStream(DutyTableFormats.Xlsx(table));
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void XlsxHeader_TitleStartingWithDigits_HasNoFontSizeCodeToSwallowThem()
    {
        Assert.Equal("&C&\"-,Bold\"2026 第二中学 &&", XlsxPrintSetup.Header("2026 第二中学 &"));
    }

    private static readonly string LongTitle = string.Concat(Enumerable.Repeat("A&B 第一中学 ", 40));

    /// <summary>A one-column sheet titled <see cref="LongTitle"/> with a header cell and the date 1 March 1900, written and read back.</summary>
    private static async Task<XlsxBook> LongTitleBookAsync() =>
        await XlsxReader.ReadAsync(XlsxWriter.Write(new XlsxSheet("S", LongTitle, [12], [new XlsxCell("日期\nDate", XlsxStyle.Header)], [[XlsxCell.Of(new LocalDate(1900, 3, 1))]])));
}
