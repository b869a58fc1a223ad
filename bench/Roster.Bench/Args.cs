using System.Globalization;

namespace Roster.Bench;

/// <summary>"--name value" pairs after the mode word.</summary>
internal sealed class Args(string[] args)
{
    public string Mode => args.Length > 0 ? args[0] : "";

    public string? Text(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public double Number(string name, double fallback) =>
        Text(name) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public int Int(string name, int fallback) => (int)Number(name, fallback);

    /// <summary>Whether "--name" is given (with or without a value).</summary>
    public bool Has(string name) => Array.IndexOf(args, "--" + name) >= 0;

    /// <summary>A list of whole numbers written as "1-5", "3" or "1,4,7-9"; <paramref name="fallback"/> when not given.</summary>
    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) => Text(name) is { } s ? ParseInts(s) : fallback;

    public static IReadOnlyList<int> ParseInts(string text)
    {
        var result = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            if (dash < 0)
            {
                result.Add(int.Parse(part, CultureInfo.InvariantCulture));
                continue;
            }
            var (from, to) = (int.Parse(part[..dash], CultureInfo.InvariantCulture), int.Parse(part[(dash + 1)..], CultureInfo.InvariantCulture));
            result.AddRange(Enumerable.Range(from, Math.Max(0, to - from + 1)));
        }
        return result;
    }
}
