using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Core.Tests;

/// <summary>Small hand-made problems: unit u1, day 0 is Monday 2027-01-04, times in UTC.</summary>
internal static class Build
{
    public static readonly LocalDate Day0 = new(2027, 1, 4);

    public static Slot Slot(string id, int day, string shift = "D", int startHour = 8, int hours = 12, string role = DutyRoles.Staff, bool optional = false, DayType dayType = DayType.Workday)
    {
        var start = Day0.PlusDays(day).At(new LocalTime(0, 0)).InUtc().ToInstant() + Duration.FromHours(startHour);
        return new Slot(id, "u1", role, shift, Day0.PlusDays(day), dayType, new Interval(start, start + Duration.FromHours(hours))) { Optional = optional };
    }

    public static Person Person(string id, string role = DutyRoles.Staff, EmploymentType type = EmploymentType.Formal, params string[] tags) =>
        new(id, "u1", type, [role], tags);

    /// <summary>One D slot (08:00–20:00) per day for <paramref name="days"/> days, ids d0, d1, …</summary>
    public static List<Slot> DaySlots(int days) => Enumerable.Range(0, days).Select(d => Slot($"d{d}", d)).ToList();

    public static RosterProblem Problem(IReadOnlyList<Slot> slots, IReadOnlyList<Person> people, params Rule[] rules) =>
        new() { Slots = slots, People = people, Rules = rules };

    public static Dictionary<string, string> Roster(params (string Slot, string Person)[] assignments) =>
        assignments.ToDictionary(a => a.Slot, a => a.Person, StringComparer.Ordinal);

    public static List<RuleViolation> Hard(RosterProblem problem, string ruleType, params (string Slot, string Person)[] assignments) =>
        RosterValidator.Validate(problem, Roster(assignments)).HardViolations.Where(v => v.RuleType == ruleType).ToList();

    public static double Soft(RosterProblem problem, string ruleType, params (string Slot, string Person)[] assignments) =>
        RosterValidator.Validate(problem, Roster(assignments)).ScoreByRule.GetValueOrDefault(ruleType);

    public static Exclusion ExplainFirst(RosterProblem problem, string slotId, string personId, params (string Slot, string Person)[] assignments) =>
        RosterValidator.Explain(problem, Roster(assignments), slotId).Single(e => e.PersonId == personId);
}
