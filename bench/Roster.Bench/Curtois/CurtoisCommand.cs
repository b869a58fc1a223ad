using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Bench.Curtois;

/// <summary>Solves one instance and prints one JSON line, or (with <c>--all</c>, <c>--instances</c> or <c>--seeds</c>) a
/// sweep (see <see cref="CurtoisSweep"/>). Objective and hard violations come from the validator, not the solver.</summary>
internal static class CurtoisCommand
{
    public static int Run(Args args)
    {
        if (args.Has("all") || args.Has("instances") || args.Has("seeds"))
        {
            return CurtoisSweep.Run(args);
        }
        var number = args.Int("instance", 1);
        var instance = Read(args, number);
        var (run, problem, solution, report) = Solve(args, number, instance, args.Int("seed", 1), GitCommit.Describe());
        Console.WriteLine(JsonSerializer.Serialize(run, CurtoisSweep.Json));
        if (args.Text("verbose") is not null)
        {
            Explain(args.Int("verbose", 1), number, instance, problem, solution, report);
        }
        return 0;
    }

    /// <summary>The time limit of <paramref name="number"/>: <c>--seconds</c>, else 60 s for 1–20 and 120 s for 21–24 (the issue's sweep).</summary>
    public static double Seconds(Args args, int number) => args.Number("seconds", number <= 20 ? 60 : 120);

    /// <summary>Solves one instance with one seed; <c>--iterations</c> sets a work budget (moves per worker) beside the clock,
    /// and <c>--column-rounds</c> (with <c>--choice-work</c>, CP-SAT's deterministic time) the column phase's.</summary>
    public static (CurtoisRun Run, RosterProblem Problem, RosterSolution Solution, ValidationReport Report) Solve(
        Args args, int number, CurtoisInstance instance, int seed, string commit)
    {
        var iterations = args.Text("iterations") is null ? (long?)null : (long)args.Number("iterations", 0);
        var seconds = Seconds(args, number);
        var problem = ToProblem(args, number, instance) with
        {
            TimeLimit = Duration.FromSeconds(seconds),
            MaxIterations = iterations,
            ColumnBudget = args.Text("column-rounds") is null ? null : new ColumnBudget(args.Int("column-rounds", 0), args.Number("choice-work", 5)),
            Seed = seed,
            Workers = args.Int("workers", Environment.ProcessorCount),
        };
        var started = Stopwatch.GetTimestamp();
        var solution = RosterSolver.Solve(problem);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var report = RosterValidator.Validate(problem, solution.Assignments);
        var best = BestKnown.Of(number);
        var run = new CurtoisRun(commit, number, seconds, iterations, seed, problem.Workers, Math.Round(report.SoftScore, 3),
            best is { } b ? Math.Round(report.SoftScore / b, 4) : null, report.HardViolations.Count, Math.Round(elapsed, 2),
            Math.Round(solution.Statistics.GraceSeconds, 2), best);
        return (run, problem, solution, report);
    }

    private static void Explain(int verbosity, int number, CurtoisInstance instance, RosterProblem problem, RosterSolution solution, ValidationReport report)
    {
        foreach (var g in report.HardViolations.GroupBy(v => v.RuleType))
        {
            Console.Error.WriteLine($"{g.Key}: {g.Count()}");
        }
        foreach (var v in report.HardViolations.Take(5))
        {
            Console.Error.WriteLine($"{v.RuleType}: {v.PersonId} {v.Message}");
        }
        Console.Error.WriteLine($"iterations {solution.Statistics.Iterations}, hard units at the limit {solution.Statistics.HardAtLimit}, grace {solution.Statistics.GraceSeconds:0.##} s, slices {solution.Statistics.Slices}, days reassigned {solution.Statistics.ReassignedDays} (saved {solution.Statistics.ReassignmentGain:0.##}), request kicks {solution.Statistics.RequestKicks} (saved {solution.Statistics.KickGain:0.##}); "
            + string.Join(", ", report.ScoreByRule.Select(kv => $"{kv.Key}={kv.Value}")));
        Console.Error.WriteLine(solution.Statistics.Columns is { } c
            ? $"columns: {c.Rounds} rounds, {c.Columns} rows, relaxation {c.Relaxation:0.##}, dive {c.Dive:0.##}, CP-SAT {c.Chosen:0.##}, LP {c.LpSeconds:0.##} s, pricing {c.PriceSeconds:0.##} s"
            : "columns: not run");
        if (verbosity < 2)
        {
            return;
        }
        var (empty, above, cost) = CoverageBound.Of(instance, out var pairs);
        Console.Error.WriteLine($"coverage bound: any roster leaves at least {empty} weekend slots empty and {above} duties above the requirement"
            + $" (coverage cost >= {cost}; the best known value leaves at most {BestKnown.Of(number) - cost} for requests)");
        Console.Error.WriteLine($"  most whole weekends on required slots, by weekend: {string.Join(" ", pairs)}");
        var (unmet, exact, people) = OwnRequests.Of(problem);
        Console.Error.WriteLine($"each person's best row for their own requests alone (exact for {exact} of {people}) leaves {unmet} of request weight unmet");
        Diagnostics.Print(problem, solution, report);
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
