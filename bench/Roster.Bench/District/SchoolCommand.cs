using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Bench.District;

/// <summary>Regeneration after a change: solve a 40-person, 60-day school, put one rostered person on leave for a week,
/// regenerate against the published roster and report the time and the share of assignments that moved. <c>--stall S</c>
/// ends each solve once its best has not improved for S seconds, <c>--stall default</c> as the service does when a request
/// names none (<see cref="Roster.Core.Storage.Generation.GenerationRunner.StallLimit"/>); without it each runs to the limit.</summary>
internal static class SchoolCommand
{
    public static int Run(Args args)
    {
        var seconds = args.Number("seconds", 1.5);
        var limit = Duration.FromSeconds(seconds);
        var stall = args.Text("stall") switch
        {
            null => (Duration?)null,
            "default" => Roster.Core.Storage.Generation.GenerationRunner.StallLimit(null, limit),
            var s => Roster.Core.Storage.Generation.GenerationRunner.StallLimit(float.Parse(s, System.Globalization.CultureInfo.InvariantCulture), limit),
        };
        var problem = DistrictGenerator.Unit(0, args.Int("seed", 1)) with { TimeLimit = limit, Workers = Environment.ProcessorCount, StallLimit = stall };
        var firstStarted = Stopwatch.GetTimestamp();
        var first = RosterSolver.Solve(problem);
        var firstSeconds = Stopwatch.GetElapsedTime(firstStarted).TotalSeconds;
        var firstReport = RosterValidator.Validate(problem, first.Assignments);
        var person = first.Assignments.Values.Order(StringComparer.Ordinal).First(p => p.Contains("-S", StringComparison.Ordinal));
        var leaveStart = DistrictGenerator.Start.PlusDays(20);
        var changed = problem with
        {
            Unavailability = [.. problem.Unavailability, new Unavailability(person, "on leave") { Dates = new DateInterval(leaveStart, leaveStart.PlusDays(6)) }],
            Previous = first.Assignments.Select(a => new Assignment(a.Key, a.Value)).ToList(),
        };
        var started = Stopwatch.GetTimestamp();
        var second = RosterSolver.Solve(changed);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var secondReport = RosterValidator.Validate(changed, second.Assignments);
        var moved = first.Assignments.Count(a => !string.Equals(second.Assignments.GetValueOrDefault(a.Key), a.Value, StringComparison.Ordinal));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            stallSeconds = stall?.TotalSeconds,
            firstSeconds = Math.Round(firstSeconds, 2),
            firstHardViolations = firstReport.HardViolations.Count,
            firstSoftScore = Math.Round(firstReport.SoftScore, 2),
            firstUnfilledSlots = first.Unfilled.Count,
            seconds = Math.Round(elapsed, 2),
            assignments = first.Assignments.Count,
            changed = moved,
            changedFraction = Math.Round((double)moved / first.Assignments.Count, 4),
            hardViolations = secondReport.HardViolations.Count,
            softScore = Math.Round(secondReport.SoftScore, 2),
            unfilledSlots = second.Unfilled.Count,
            fairnessSpread = Math.Round(DistrictCommand.FairnessSpread(changed, second.Assignments), 3),
        }));
        return 0;
    }
}
