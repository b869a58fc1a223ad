using System.Globalization;
using NodaTime;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Bench.Curtois;

/// <summary>Maps an instance onto our rule types: cover → required slots plus optional surplus slots and a coverage rule,
/// requests → request rules, per-employee limits → per-person hard rules, days off → unavailability.</summary>
/// <remarks>Day 0 is Monday 2024-01-01, in UTC. Without shift times every shift starts at midnight (then no-overlap keeps one shift a day).</remarks>
internal static class CurtoisMapper
{
    public const string Role = "nurse";
    private const string Unit = "ward";
    private static readonly LocalDate Monday = new(2024, 1, 1);

    public static RosterProblem ToProblem(CurtoisInstance instance, ShiftTimes? times)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var lengths = instance.Shifts.ToDictionary(s => s.Id, s => s.Minutes, StringComparer.Ordinal);
        var slots = new List<Slot>();
        foreach (var cover in instance.Cover)
        {
            var date = Monday.PlusDays(cover.Day);
            var start = times is not null && times.ByShift.TryGetValue(cover.Shift, out var t) ? t.Start : LocalTime.Midnight;
            var from = date.At(start).InUtc().ToInstant();
            var interval = new Interval(from, from + Duration.FromMinutes(lengths[cover.Shift]));
            var dayType = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayType.Weekend : DayType.Workday;
            var surplus = Math.Min(instance.Staff.Count - cover.Requirement, cover.Requirement + 2);
            for (var i = 0; i < cover.Requirement + Math.Max(0, surplus); i++)
            {
                slots.Add(new Slot($"{cover.Day}-{cover.Shift}-{i}", Unit, Role, cover.Shift, date, dayType, interval) { Optional = i >= cover.Requirement });
            }
        }
        var people = instance.Staff.Select(s => new Person(s.Id, Unit, EmploymentType.Formal, [Role], [])).ToList();
        var unavailable = instance.DaysOff.Select(d => new Unavailability(d.Staff, "day off") { Dates = new DateInterval(Monday.PlusDays(d.Day), Monday.PlusDays(d.Day)) }).ToList();
        return new RosterProblem
        {
            Slots = slots,
            People = people,
            Unavailability = unavailable,
            Rules = [.. Rules(instance, times)],
            Horizon = new DateInterval(Monday, Monday.PlusDays(instance.Days - 1)),
        };
    }

    private static IEnumerable<Rule> Rules(CurtoisInstance instance, ShiftTimes? times)
    {
        foreach (var weights in instance.Cover.GroupBy(c => c.Shift).Select(g => (g.Key, g.Select(c => (c.UnderWeight, c.OverWeight)).Distinct().ToList())))
        {
            if (weights.Item2.Count != 1)
            {
                throw new InvalidDataException($"cover weights of shift {weights.Key} vary by day; not mapped");
            }
            yield return new CoverageRule(weights.Item2[0].UnderWeight, weights.Item2[0].OverWeight) { ShiftCode = weights.Key, Role = Role };
        }
        foreach (var shift in instance.Shifts)
        {
            foreach (var next in shift.CannotFollow)
            {
                yield return new ForbiddenSuccessionRule(shift.Id, next);
            }
            if (times is not null && times.ByShift.TryGetValue(shift.Id, out var t))
            {
                yield return new MinRestRule(t.RestAfter) { AfterShiftCode = shift.Id };
            }
        }
        foreach (var s in instance.Staff)
        {
            string[] who = [s.Id];
            foreach (var (shift, max) in s.MaxShifts)
            {
                yield return new WorkloadLimitRule { PersonIds = who, ShiftCode = shift, MaxShifts = max };
            }
            yield return new WorkloadLimitRule { PersonIds = who, MinMinutes = s.MinTotalMinutes, MaxMinutes = s.MaxTotalMinutes };
            yield return new ConsecutiveDutyDaysRule { PersonIds = who, Min = s.MinConsecutive, Max = s.MaxConsecutive };
            yield return new MinConsecutiveDaysOffRule(s.MinDaysOff) { PersonIds = who };
            yield return new MaxWeekendsRule(s.MaxWeekends) { PersonIds = who };
        }
        foreach (var r in instance.OnRequests)
        {
            yield return new RequestRule(r.Staff, Monday.PlusDays(r.Day), true, r.Weight) { ShiftCode = r.Shift };
        }
        foreach (var r in instance.OffRequests)
        {
            yield return new RequestRule(r.Staff, Monday.PlusDays(r.Day), false, r.Weight) { ShiftCode = r.Shift };
        }
    }

    public static string Describe(int instance) => "Instance" + instance.ToString(CultureInfo.InvariantCulture);
}
