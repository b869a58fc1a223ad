using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Bench.Curtois;

/// <summary>Solves one instance and prints one JSON line; objective and hard violations come from the validator, not the solver.</summary>
internal static class CurtoisCommand
{
    public static int Run(Args args)
    {
        var number = args.Int("instance", 1);
        var started = Stopwatch.GetTimestamp();
        var instance = Read(args, number);
        var problem = ToProblem(args, number, instance) with
        {
            TimeLimit = Duration.FromSeconds(args.Number("seconds", 60)),
            Seed = args.Int("seed", 1),
            Workers = args.Int("workers", Environment.ProcessorCount),
        };
        var solution = RosterSolver.Solve(problem);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var report = RosterValidator.Validate(problem, solution.Assignments);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            instance = number,
            objective = Math.Round(report.SoftScore, 3),
            hardViolations = report.HardViolations.Count,
            seconds = Math.Round(seconds, 2),
            bestKnown = BestKnown.Of(number),
        }));
        if (args.Text("verbose") is not null)
        {
            foreach (var g in report.HardViolations.GroupBy(v => v.RuleType))
            {
                Console.Error.WriteLine($"{g.Key}: {g.Count()}");
            }
            foreach (var v in report.HardViolations.Take(5))
            {
                Console.Error.WriteLine($"{v.RuleType}: {v.PersonId} {v.Message}");
            }
            var (empty, above, cost) = CoverageBound.Of(instance, out var pairs);
            Console.Error.WriteLine($"coverage bound: any roster leaves at least {empty} weekend slots empty and {above} duties above the requirement"
                + $" (coverage cost >= {cost}; the best known value leaves at most {BestKnown.Of(number) - cost} for requests)");
            Console.Error.WriteLine($"  most whole weekends on required slots, by weekend: {string.Join(" ", pairs)}");
            Diagnostics.Print(problem, solution, report);
            Console.Error.WriteLine($"iterations {solution.Statistics.Iterations}; " + string.Join(", ", report.ScoreByRule.Select(kv => $"{kv.Key}={kv.Value}")));
            Console.Error.WriteLine(solution.Statistics.Columns is { } c
                ? $"columns: {c.Rounds} rounds, {c.Columns} rows, relaxation {c.Relaxation:0.##}, dive {c.Dive:0.##}, CP-SAT {c.Chosen:0.##}, LP {c.LpSeconds:0.##} s, pricing {c.PriceSeconds:0.##} s"
                : "columns: not run");
        }
        return 0;
    }

    /// <summary>Instance <paramref name="number"/> from the data directory, as written.</summary>
    public static CurtoisInstance Read(Args args, int number) =>
        CurtoisReader.Parse(File.ReadAllText(Path.Combine(DataDirectory.Curtois(args.Text("data")), CurtoisMapper.Describe(number) + ".txt")));

    /// <summary>Instance <paramref name="number"/> from the data directory, as a roster problem.</summary>
    public static RosterProblem Load(Args args, int number) => ToProblem(args, number, Read(args, number));

    /// <summary>An instance already read, as a roster problem (with its shift times where the data directory has them).</summary>
    private static RosterProblem ToProblem(Args args, int number, CurtoisInstance instance)
    {
        var directory = DataDirectory.Curtois(args.Text("data"));
        var name = CurtoisMapper.Describe(number);
        var timesPath = Path.Combine(directory, "shift_times.csv");
        var times = File.Exists(timesPath) ? ShiftTimes.Parse(File.ReadAllText(timesPath), name) : null;
        return CurtoisMapper.ToProblem(instance, times);
    }
}
