using System.IO.Compression;
using MiniExcelLibs;

namespace Roster.Api.Imports;

/// <summary>
/// Reads the one sheet of an XLSX upload with MiniExcel, after checking, part by part, that the workbook does not
/// expand past <see cref="ImportLimits.MaxExpandedBytes"/> (counted while inflating, so a part that lies about its size
/// is caught too, and nothing is kept in memory while counting).
/// </summary>
internal static class XlsxTableReader
{
    public static UploadedTable? Read(Stream upload, List<ImportRowError> errors)
    {
        if (!WithinExpansionLimit(upload, errors))
        {
            return null;
        }

        upload.Position = 0;
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(upload);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or KeyNotFoundException)
        {
            errors.Add(new ImportRowError(null, null, $"不是有效的 XLSX 文件 · not a valid XLSX workbook ({e.Message})"));
            return null;
        }

        if (sheets.Count == 0)
        {
            errors.Add(new ImportRowError(null, null, "工作簿中没有工作表 · the workbook has no sheet"));
            return null;
        }

        foreach (var other in sheets.Skip(1))
        {
            upload.Position = 0;
            if (Rows(upload, other).Any(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(CellText.Of(c).Text))))
            {
                errors.Add(new ImportRowError(null, null,
                    $"工作表“{other}”也有数据：请把名单放在第一个工作表“{sheets[0]}”中，删除其他工作表 · sheet '{other}' has data too: "
                    + $"keep the list on the first sheet '{sheets[0]}' and remove the others"));
                return null;
            }
        }

        upload.Position = 0;
        return UploadedTable.From(Rows(upload, sheets[0]), null, errors);
    }

    /// <summary>Rows numbered as Excel numbers them; MiniExcel yields empty rows in between, so the position is the number.</summary>
    private static IEnumerable<(int Number, IReadOnlyList<object?> Cells)> Rows(Stream upload, string sheet)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(upload, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            number++;
            var cells = new object?[Math.Min(row.Count, ImportLimits.MaxColumns)];
            var i = 0;
            foreach (var value in row.Values)
            {
                if (i == cells.Length)
                {
                    break;
                }

                cells[i++] = value;
            }

            yield return (number, cells);
        }
    }

    private static bool WithinExpansionLimit(Stream upload, List<ImportRowError> errors)
    {
        try
        {
            using var zip = new ZipArchive(upload, ZipArchiveMode.Read, leaveOpen: true);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
            }

            if (declared > ImportLimits.MaxExpandedBytes)
            {
                errors.Add(TooLarge(declared));
                return false;
            }

            var buffer = new byte[81920];
            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    expanded += read;
                    if (expanded > ImportLimits.MaxExpandedBytes)
                    {
                        errors.Add(TooLarge(expanded));
                        return false;
                    }
                }
            }

            return true;
        }
        catch (InvalidDataException e)
        {
            errors.Add(new ImportRowError(null, null, $"不是有效的 XLSX 文件 · not a valid XLSX workbook ({e.Message})"));
            return false;
        }
    }

    private static ImportRowError TooLarge(long bytes) => new(null, null,
        $"工作簿解压后超过 {ImportLimits.MaxExpandedBytes / (1024 * 1024)} MB（至少 {bytes / (1024 * 1024)} MB），已拒绝 · the workbook expands "
        + $"past {ImportLimits.MaxExpandedBytes / (1024 * 1024)} MB when unzipped (at least {bytes / (1024 * 1024)} MB) and was refused");
}
