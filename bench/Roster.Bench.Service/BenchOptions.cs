using System.Globalization;

namespace Roster.Bench.Service;

/// <summary>The command line of <c>./roster bench service</c>.</summary>
internal sealed record BenchOptions(int Units, int People, int Days, int Clients, int Seconds, int Workers, long Iterations, string? Trace, bool Compressed)
{
    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback) => int.Parse(Value(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new BenchOptions(Int("--units", 200), Int("--people", 40), Int("--days", 60), Int("--clients", 16), Int("--seconds", 20),
            Int("--workers", Environment.ProcessorCount), long.Parse(Value("--iterations") ?? "100000", CultureInfo.InvariantCulture), Value("--trace"),
            args.Contains("--compressed"));
    }
}
