using System.Diagnostics;
using System.Text.Json;
using Roster.Core.Engine.Search;

namespace Roster.Bench.Curtois;

/// <summary>Times one column-pricing round (every person's row program at random cell duals) on one instance: the
/// figure behind the column phase's cost model (<c>ColumnSearch.SecondsPerWork</c>).</summary>
internal static class PricingCommand
{
    public static int Run(Args args)
    {
        var number = args.Int("instance", 1);
        var problem = CurtoisCommand.Load(args, number);
        var model = ModelBuilder.Build(problem).Model;
        var random = new Random(args.Int("seed", 1));
        var duals = model.Cells.Select(c => random.NextDouble() * c.Under).ToArray();
        var optimizer = new RowOptimizer(model);
        var work = RowOptimizer.RowWork(model).Sum();
        var rounds = args.Int("rounds", 3);
        var rows = 0;
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < rounds; round++)
        {
            for (var p = 0; p < model.People; p++)
            {
                optimizer.Price(p, duals, null, (_, _) => rows++);
            }
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds / rounds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            instance = number,
            people = model.People,
            work,
            secondsPerRound = Math.Round(seconds, 4),
            programsPerRound = Math.Round((double)rows / rounds, 1),
            nanosecondsPerWork = Math.Round(seconds * 1e9 / work, 3),
        }));
        return 0;
    }
}
