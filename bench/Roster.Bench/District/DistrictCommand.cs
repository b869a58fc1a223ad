using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Bench.District;

/// <summary>Generates every unit of a district in parallel (one worker per unit, units spread over the cores) and prints one JSON line.</summary>
internal static class DistrictCommand
{
    public static int Run(Args args)
    {
        var units = args.Int("units", 200);
        var iterations = args.Int("iterations", 200_000);
        var started = Stopwatch.GetTimestamp();
        var results = new (int Hard, int Unfilled, double Spread)[units];
        Parallel.For(0, units, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, u =>
        {
            var problem = DistrictGenerator.Unit(u, args.Int("seed", 1)) with { MaxIterations = iterations, TimeLimit = Duration.FromSeconds(5) };
            var solution = RosterSolver.Solve(problem);
            var report = RosterValidator.Validate(problem, solution.Assignments);
            results[u] = (report.HardViolations.Count, solution.Unfilled.Count, FairnessSpread(problem, solution.Assignments));
        });
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            units,
            seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 2),
            hardViolations = results.Sum(r => r.Hard),
            unfilledSlots = results.Sum(r => r.Unfilled),
            fairnessSpread = Math.Round(results.Max(r => r.Spread), 3),
        }));
        return 0;
    }

    /// <summary>Largest max − min weighted load over roles among the people who may take that role, recomputed from the roster.</summary>
    public static double FairnessSpread(RosterProblem problem, IReadOnlyDictionary<string, string> assignments)
    {
        var view = new RosterView(problem, assignments);
        return problem.Rules.OfType<FairnessRule>()
            .SelectMany(rule => rule.Loads(view))
            .Select(unit => unit.Loads.Values.Max() - unit.Loads.Values.Min())
            .DefaultIfEmpty(0)
            .Max();
    }
}
