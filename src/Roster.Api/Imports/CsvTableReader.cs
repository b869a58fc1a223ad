using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Roster.Api.Imports;

/// <summary>
/// Reads a CSV upload with CsvHelper. The encoding is UTF-8 (with or without BOM) or UTF-16 with a BOM; a file that is
/// not valid UTF-8 is read as GB18030 (what Excel on a Chinese Windows saves as "CSV") when it decodes cleanly as that,
/// and the answer says which encoding was used; anything else is refused with a message saying how to save it.
/// </summary>
internal static class CsvTableReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static UploadedTable? Read(byte[] bytes, List<ImportRowError> errors)
    {
        var (text, encoding) = Decode(bytes);
        if (text is null)
        {
            errors.Add(new ImportRowError(null, null,
                "无法识别文件编码：请在 Excel 中“另存为 CSV UTF-8”，或直接上传 XLSX · the file is neither UTF-8 nor GB18030 text: "
                + "save it as \"CSV UTF-8\" or upload the XLSX"));
            return null;
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, config);
        return UploadedTable.From(Rows(csv), encoding, errors);
    }

    private static IEnumerable<(int Number, IReadOnlyList<object?> Cells)> Rows(CsvParser csv)
    {
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            yield return (csv.Row, record.Take(ImportLimits.MaxColumns).Select(v => (object?)v).ToArray());
        }
    }

    private static (string? Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryDecode(StrictUtf8, bytes.AsSpan(3), "UTF-8");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes.AsSpan(2)), "UTF-16LE");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes.AsSpan(2)), "UTF-16BE");
        }

        var utf8 = TryDecode(StrictUtf8, bytes, "UTF-8");
        if (utf8.Text is not null)
        {
            return utf8;
        }

        var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return TryDecode(gb18030, bytes, "GB18030");
    }

    private static (string? Text, string Encoding) TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            var text = encoding.GetString(bytes);
            return text.Contains('\0', StringComparison.Ordinal) ? (null, name) : (text, name);
        }
        catch (DecoderFallbackException)
        {
            return (null, name);
        }
    }
}
