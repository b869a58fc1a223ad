using CsvHelper;

namespace Roster.Api.Exports;

/// <summary>
/// RFC 4180 CSV through CsvHelper, in UTF-8 with a byte-order mark (so spreadsheet apps read Chinese text right), CRLF
/// line ends. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) is written with a
/// leading apostrophe and quoted, so a name like <c>=HYPERLINK(…)</c> opens as the text it is.
/// </summary>
internal static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
    };

    public static byte[] Write(IEnumerable<IEnumerable<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvHelper.CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row]);
            }
        }

        return stream.ToArray();
    }
}
