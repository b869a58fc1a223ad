using System.Text;

namespace Roster.Api.Tests.Exports;

/// <summary>A plain RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks.</summary>
public static class CsvReader
{
    public static List<List<string>> Read(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
