using System.Globalization;

namespace Roster.Bench.Curtois;

/// <summary>Parses the Curtois .txt format: '#' comments, SECTION_ headers, a blank line ends a section, CRLF or LF.</summary>
internal static class CurtoisReader
{
    public static CurtoisInstance Parse(string text)
    {
        var sections = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        List<string[]>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }
            if (line.Length == 0)
            {
                current = null;
            }
            else if (line.StartsWith("SECTION_", StringComparison.Ordinal))
            {
                current = [];
                sections[line] = current;
            }
            else
            {
                current?.Add(line.Split(',').Select(f => f.Trim()).ToArray());
            }
        }
        List<string[]> Rows(string name) => sections.TryGetValue(name, out var rows) ? rows : [];
        return new CurtoisInstance(
            Int(Rows("SECTION_HORIZON")[0][0]),
            Rows("SECTION_SHIFTS").Select(r => new CurtoisShift(r[0], Int(r[1]), r.Length > 2 ? r[2].Split('|', StringSplitOptions.RemoveEmptyEntries) : [])).ToList(),
            Rows("SECTION_STAFF").Select(Staff).ToList(),
            Rows("SECTION_DAYS_OFF").SelectMany(r => r.Skip(1).Where(f => f.Length > 0).Select(d => (r[0], Int(d)))).ToList(),
            Rows("SECTION_SHIFT_ON_REQUESTS").Select(Request).ToList(),
            Rows("SECTION_SHIFT_OFF_REQUESTS").Select(Request).ToList(),
            Rows("SECTION_COVER").Select(r => new CurtoisCover(Int(r[0]), r[1], Int(r[2]), Int(r[3]), Int(r[4]))).ToList());
    }

    private static CurtoisStaff Staff(string[] r) => new(
        r[0],
        r[1].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => Int(p[1]), StringComparer.Ordinal),
        Int(r[2]), Int(r[3]), Int(r[4]), Int(r[5]), Int(r[6]), Int(r[7]));

    private static CurtoisRequest Request(string[] r) => new(r[0], Int(r[1]), r[2], Int(r[3]));

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
