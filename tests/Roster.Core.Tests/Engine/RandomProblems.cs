using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Core.Tests.Engine;

/// <summary>Small seeded problems: a day and a night shift with one or two places, a few people, leave, requests and the usual limits.</summary>
internal static class RandomProblems
{
    public static RosterProblem Create(int seed, int people = 6, int days = 10)
    {
        var random = new Random(seed);
        var slots = new List<Slot>();
        for (var d = 0; d < days; d++)
        {
            for (var k = 0; k < 1 + random.Next(2); k++)
            {
                slots.Add(Build.Slot($"d{d}-{k}", d, "D", startHour: 8, hours: 12));
            }
            slots.Add(Build.Slot($"n{d}", d, "N", startHour: 20, hours: 12) with { IsNight = true });
        }
        var persons = Enumerable.Range(0, people)
            .Select(i => Build.Person($"p{i}", type: i == 0 ? EmploymentType.Contract : EmploymentType.Formal, tags: i % 2 == 0 ? ["first-aid"] : []))
            .ToList();
        var leave = Enumerable.Range(0, 2).Select(_ => random.Next(people)).Distinct()
            .Select(p => new Unavailability($"p{p}", "on leave") { Dates = new DateInterval(Build.Day0.PlusDays(random.Next(days - 2)), Build.Day0.PlusDays(days - 1)) })
            .ToList();
        var rules = new List<Rule>
        {
            new MinRestRule(Duration.FromHours(12)),
            new ForbiddenSuccessionRule("N", "D"),
            new ConsecutiveDutyDaysRule { Max = 3 },
            new WorkloadLimitRule { MaxShifts = 4 + random.Next(3) },
            new MaxWeekendsRule(1),
            new FairnessRule(DutyRoles.Staff, 0.5),
            new RequestRule($"p{random.Next(people)}", Build.Day0.PlusDays(random.Next(days)), false, 2),
        };
        return new RosterProblem
        {
            Slots = slots, People = persons, Unavailability = leave, Rules = rules,
            Seed = seed, MaxIterations = 20_000, TimeLimit = Duration.FromSeconds(20), Workers = 2,
        };
    }
}
