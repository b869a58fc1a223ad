using System.Diagnostics;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Core.Engine;

/// <summary>Builds a roster: greedy construction, then simulated annealing on each worker (seed + worker number),
/// the best roster of all workers, a final greedy fill, and explanations for what stays empty.</summary>
public static class RosterSolver
{
    private const double SearchShare = 0.92;

    public static RosterSolution Solve(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var began = Stopwatch.GetTimestamp();
        // The search stops at 92 % of the limit: mapping, validation and explanations need the rest.
        var deadline = began + (long)(problem.TimeLimit.TotalSeconds * SearchShare * Stopwatch.Frequency);
        var builder = ModelBuilder.Build(problem);
        var model = builder.Model;
        var workers = Math.Max(1, problem.Workers);
        var annealers = Enumerable.Range(0, workers)
            .Select(w => new Annealer(model, Greedy.Construct(model, Seed(problem.Seed, w)), Seed(problem.Seed, w) + 1,
                problem.MaxIterations ?? long.MaxValue, deadline, problem.Cancellation))
            .ToList();
        if (workers == 1)
        {
            annealers[0].Run();
        }
        else
        {
            Parallel.ForEach(annealers, new ParallelOptions { MaxDegreeOfParallelism = workers }, a => a.Run());
        }
        var best = annealers.OrderBy(a => a.BestHard).ThenBy(a => a.BestSoft).First();
        var rows = Greedy.Fill(model, best.Best);
        var assignments = SolutionMapper.ToAssignments(builder, rows);
        var report = RosterValidator.Validate(problem, assignments);
        var unfilled = Explain(problem, assignments, began + (long)(problem.TimeLimit.TotalSeconds * Stopwatch.Frequency));
        var seconds = Stopwatch.GetElapsedTime(began).TotalSeconds;
        var statistics = new SolveStatistics(annealers.Sum(a => a.Iterations), seconds, workers, annealers.Any(a => a.TimedOut));
        return new RosterSolution(assignments, unfilled, report, statistics);
    }

    /// <summary>Interchangeable empty slots (same unit, role, shift, date, interval) share one explanation. Past the time
    /// limit the remaining slots are listed without one (<see cref="UnfilledSlot.Explained"/> false).</summary>
    private static List<UnfilledSlot> Explain(RosterProblem problem, Dictionary<string, string> assignments, long hardDeadline)
    {
        var view = new RosterView(problem, assignments);
        var rulesByPerson = RosterValidator.HardRulesByPerson(problem);
        var done = new Dictionary<(string, string, string, NodaTime.LocalDate, NodaTime.Interval), IReadOnlyList<Exclusion>>();
        var result = new List<UnfilledSlot>();
        foreach (var slot in problem.Slots.Where(s => !s.Optional && !assignments.ContainsKey(s.Id)))
        {
            var key = (slot.UnitId, slot.Role, slot.ShiftCode, slot.Date, slot.Interval);
            if (!done.TryGetValue(key, out var candidates) && Stopwatch.GetTimestamp() < hardDeadline)
            {
                candidates = RosterValidator.Explain(view, rulesByPerson, slot);
                done[key] = candidates;
            }
            result.Add(candidates is null ? new UnfilledSlot(slot.Id, []) { Explained = false } : new UnfilledSlot(slot.Id, candidates));
        }
        return result;
    }

    private static int Seed(int seed, int worker) => unchecked((seed * 7919) + (worker * 104729));
}
