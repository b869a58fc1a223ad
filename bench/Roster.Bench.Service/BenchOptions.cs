using System.Globalization;

namespace Roster.Bench.Service;

/// <summary>
/// The command line of <c>./roster bench service</c>. <see cref="TimeLimit"/> (<c>--time-limit S</c>) generates the way
/// requests do — a time limit and no iteration budget — with the stall budget <see cref="Stall"/> (<c>--stall S</c>; the
/// service's default when absent, 0 runs every unit to its limit); without it every unit gets <see cref="Iterations"/>.
/// </summary>
internal sealed record BenchOptions(
    int Units, int People, int Days, int Clients, int Seconds, int Workers, long Iterations, string? Trace, bool Compressed,
    double? TimeLimit = null, double? Stall = null)
{
    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback) => int.Parse(Value(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        static double? Double(string? text) => text is null ? null : double.Parse(text, CultureInfo.InvariantCulture);

        return new BenchOptions(Int("--units", 200), Int("--people", 40), Int("--days", 60), Int("--clients", 16), Int("--seconds", 20),
            Int("--workers", Environment.ProcessorCount), long.Parse(Value("--iterations") ?? "100000", CultureInfo.InvariantCulture), Value("--trace"),
            args.Contains("--compressed"), Double(Value("--time-limit")), Double(Value("--stall")));
    }
}
