using System.Diagnostics;
using System.Text.Json;
using Roster.Core.Engine.Search;
using Roster.Core.Rules;

namespace Roster.Bench.Curtois;

/// <summary>Times one row-repair pass (<c>RowRepair</c>) on one instance's greedy start: hard units and soft score
/// before and after, the seconds it took, and which rules the rows still break. The figure behind the feasibility-first start.</summary>
internal static class RepairCommand
{
    public static int Run(Args args)
    {
        var number = args.Int("instance", 1);
        var problem = CurtoisCommand.Load(args, number);
        var builder = ModelBuilder.Build(problem);
        var model = builder.Model;
        var start = new SearchState(model, Greedy.Construct(model, args.Int("seed", 1)));
        var started = Stopwatch.GetTimestamp();
        var repaired = new SearchState(model, RowRepair.Repair(model, start.Rows, long.MaxValue, CancellationToken.None));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var left = RosterValidator.Validate(problem, SolutionMapper.ToAssignments(builder, repaired.Rows)).HardViolations;
        if (args.Int("verbose", 0) > 0)
        {
            foreach (var v in left.Take(40))
            {
                Console.Error.WriteLine($"{v.RuleType} {v.PersonId}: {v.Message}");
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            instance = number,
            people = model.People,
            hardBefore = start.Hard,
            hardAfter = repaired.Hard,
            softBefore = Math.Round(start.Soft, 1),
            softAfter = Math.Round(repaired.Soft, 1),
            seconds = Math.Round(seconds, 2),
            illegalPeople = left.Select(v => v.PersonId).Distinct(StringComparer.Ordinal).Count(),
            violationsByRule = left.GroupBy(v => v.RuleType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        }));
        return 0;
    }
}
