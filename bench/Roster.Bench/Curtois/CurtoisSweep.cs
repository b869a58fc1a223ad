using System.Globalization;
using System.Text.Json;

namespace Roster.Bench.Curtois;

/// <summary><c>curtois --all --seeds 1-5</c> (or <c>--instances 11-20</c>): every instance with every seed, one at a time.
/// Prints one JSON line per run as it ends and a summary line (worst and median ratio per instance), and appends the same
/// lines to <c>bench/results/curtois-…jsonl</c> (or <c>--out FILE</c>), so a sweep cut short keeps the runs it made.</summary>
internal static class CurtoisSweep
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static int Run(Args args)
    {
        var instances = args.Has("all") ? Enumerable.Range(1, 24).ToList() : args.Ints("instances", [args.Int("instance", 1)]);
        var seeds = args.Ints("seeds", [args.Int("seed", 1)]);
        var commit = GitCommit.Describe();
        var path = args.Text("out") ?? DefaultPath(args, commit, instances, seeds);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var runs = new List<CurtoisRun>();
        foreach (var number in instances)
        {
            var instance = CurtoisCommand.Read(args, number);
            foreach (var seed in seeds)
            {
                var run = CurtoisCommand.Solve(args, number, instance, seed, commit).Run;
                runs.Add(run);
                Write(path, JsonSerializer.Serialize(run, Json));
            }
        }
        Write(path, JsonSerializer.Serialize(new { summary = SweepSummary.Of(runs), commit }, Json));
        Console.Error.WriteLine($"written to {path}");
        return 0;
    }

    private static void Write(string path, string line)
    {
        Console.WriteLine(line);
        File.AppendAllText(path, line + "\n");
    }

    /// <summary>bench/results beside Roster.sln, named by commit, budget, instances and seeds.</summary>
    private static string DefaultPath(Args args, string commit, IReadOnlyList<int> instances, IReadOnlyList<int> seeds)
    {
        var budget = args.Text("iterations") is { } i ? "i" + i : args.Text("seconds") is { } s ? s + "s" : "60-120s";
        var name = string.Create(CultureInfo.InvariantCulture,
            $"curtois-{commit}-{budget}-i{Span(instances)}-s{Span(seeds)}.jsonl");
        return Path.Combine(DataDirectory.Repository(), "bench", "results", name);
    }

    private static string Span(IReadOnlyList<int> values) =>
        values.Count == 1 ? values[0].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{values.Min()}-{values.Max()}");
}
