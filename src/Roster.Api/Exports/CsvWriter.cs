using System.Globalization;
using System.Text;
using CsvHelper.Configuration;

namespace Roster.Api.Exports;

/// <summary>
/// RFC 4180 CSV through CsvHelper, in UTF-8 with a byte-order mark (so spreadsheet apps read Chinese text right), CRLF
/// line ends. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) is written with a
/// leading apostrophe and quoted, so a name like <c>=HYPERLINK(…)</c> opens as the text it is.
/// </summary>
internal static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    public static byte[] Write(IEnumerable<IEnumerable<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvHelper.CsvWriter(text, Configuration))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
