using System.Globalization;
using NodaTime;

namespace Roster.Bench.Curtois;

/// <summary>Clock start and minimum rest per shift, from shift_times.csv (the .txt files carry no clock times).</summary>
internal sealed record ShiftTimes(IReadOnlyDictionary<string, (LocalTime Start, Duration RestAfter)> ByShift)
{
    public static ShiftTimes Parse(string csv, string instanceName)
    {
        var map = new Dictionary<string, (LocalTime, Duration)>(StringComparer.Ordinal);
        foreach (var line in csv.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            if (string.Equals(f[0], instanceName, StringComparison.Ordinal))
            {
                var hm = f[2].Split(':');
                map[f[1]] = (new LocalTime(Int(hm[0]), Int(hm[1])), Duration.FromMinutes(Int(f[4])));
            }
        }
        return new ShiftTimes(map);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
