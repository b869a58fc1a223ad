using MiniExcelLibs;

namespace Roster.Api.Imports;

/// <summary>The XLSX templates: one sheet, a bilingual header row and one example row to overwrite.</summary>
internal static class ImportTemplates
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IReadOnlyList<ImportColumn> columns, string sheetName)
    {
        var example = columns.ToDictionary(c => c.Header, c => (object)c.Example);
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[] { example }, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
