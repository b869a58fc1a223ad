using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Rules;

namespace Roster.Bench.Curtois;

/// <summary>With <c>--verbose</c>: where a roster's cost sits — empty slots by weekday and why each candidate was kept out,
/// weekends worked on one day only, and which kind of request went unmet. These located the costs the targeted moves
/// address (see the engine README).</summary>
internal static class Diagnostics
{
    public static void Print(RosterProblem problem, RosterSolution solution, ValidationReport report)
    {
        var slots = problem.Slots.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var unfilled = solution.Unfilled.Where(u => !slots[u.SlotId].Optional).ToList();
        Console.Error.WriteLine($"unfilled {unfilled.Count} by weekday: "
            + string.Join(" ", unfilled.GroupBy(u => slots[u.SlotId].Date.DayOfWeek).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
        var over = solution.Assignments.Keys.Select(id => slots[id]).Where(s => s.Optional).ToList();
        Console.Error.WriteLine($"over target {over.Count} by weekday: "
            + string.Join(" ", over.GroupBy(s => s.Date.DayOfWeek).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
        Console.Error.WriteLine("unfilled by weekday and shift: " + string.Join(" ", unfilled.GroupBy(u => (slots[u.SlotId].Date.DayOfWeek, slots[u.SlotId].ShiftCode)).OrderBy(g => g.Key).Select(g => $"{g.Key.DayOfWeek}/{g.Key.ShiftCode}={g.Count()}")));
        var reasons = unfilled
            .SelectMany(u => u.Candidates.GroupBy(e => e.PersonId).Select(g => string.Join("+", g.Select(e => e.RuleType).Distinct().Order(StringComparer.Ordinal))))
            .GroupBy(r => r, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count());
        Console.Error.WriteLine("  candidates kept out by: " + string.Join(", ", reasons.Select(g => $"{g.Key}={g.Count()}")));
        var weekends = solution.Assignments
            .Select(a => (Person: a.Value, slots[a.Key].Date))
            .Where(w => w.Date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            .Distinct()
            .GroupBy(w => (w.Person, Saturday: w.Date.DayOfWeek == IsoDayOfWeek.Sunday ? w.Date.PlusDays(-1) : w.Date))
            .ToList();
        Console.Error.WriteLine($"weekends worked {weekends.Count}, on one day only {weekends.Count(g => g.Count() == 1)}");
        Console.Error.WriteLine("  by weekend (whole, Saturday only, Sunday only, empty Saturday, empty Sunday): " + string.Join("; ", weekends
            .GroupBy(g => g.Key.Saturday)
            .OrderBy(w => w.Key)
            .Select(w => $"{w.Key:MM-dd} {w.Count(g => g.Count() == 2)} {w.Count(g => g.Count() == 1 && g.First().Date == w.Key)} {w.Count(g => g.Count() == 1 && g.First().Date != w.Key)}"
                + $" {unfilled.Count(u => slots[u.SlotId].Date == w.Key)} {unfilled.Count(u => slots[u.SlotId].Date == w.Key.PlusDays(1))}")));
        // One view and one rule index for every explanation (the public Explain builds both per slot).
        var view = new RosterView(problem, solution.Assignments);
        var rulesByPerson = RosterValidator.HardRulesByPerson(problem);
        var why = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in weekends.Where(g => g.Count() == 1))
        {
            var worked = g.First().Date;
            var missing = worked.DayOfWeek == IsoDayOfWeek.Saturday ? worked.PlusDays(1) : worked.PlusDays(-1);
            // The other day's open shifts barred by the fewest rules, and every rule that bars one of those ("free": one
            // they could take as it is).
            var barred = problem.Slots.Where(x => x.Date == missing && !solution.Assignments.ContainsKey(x.Id)).GroupBy(x => x.ShiftCode).Select(x => x.First())
                .Select(x => RosterValidator.Explain(view, rulesByPerson, x).Where(e => e.PersonId == g.Key.Person).Select(e => e.RuleType).Distinct().ToList())
                .ToList();
            var fewest = barred.Count == 0 ? -1 : barred.Min(rules => rules.Count);
            var key = fewest < 0 ? "no open slot" : fewest == 0 ? "free"
                : string.Join("|", barred.Where(rules => rules.Count == fewest).SelectMany(rules => rules).Distinct().Order(StringComparer.Ordinal));
            why[key] = why.GetValueOrDefault(key) + 1;
        }
        Console.Error.WriteLine("  one-day weekends, other day blocked by: " + string.Join(", ", why.Select(kv => $"{kv.Key}={kv.Value}")));
        var held = solution.Assignments.GroupBy(a => (a.Value, slots[a.Key].Date)).ToDictionary(g => g.Key, g => slots[g.First().Key]);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in problem.Rules.OfType<RequestRule>().Where(r => r.Want))
        {
            var mine = held.GetValueOrDefault((r.PersonId, r.Date));
            if (mine is not null && (r.ShiftCode is null || mine.ShiftCode == r.ShiftCode))
            {
                continue;
            }
            var weekend = r.Date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? "weekend" : "weekday";
            var key = $"{weekend}/{(mine is null ? "off" : "on " + mine.ShiftCode)}->{r.ShiftCode}";
            kinds[key] = kinds.GetValueOrDefault(key) + 1;
        }
        Console.Error.WriteLine("  asked-for unmet: " + string.Join(", ", kinds.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}={kv.Value}")));
        var notGiven = kinds.Values.Sum();
        Console.Error.WriteLine($"requests unmet: {notGiven} shifts asked for, {report.SoftPenalties.Count(v => v.RuleType == "request") - notGiven} asked to be free of");
    }
}
