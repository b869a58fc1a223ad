using NodaTime;
using NodaTime.TimeZones;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;

namespace Roster.Bench.District;

/// <summary>A synthetic school: 8 leaders on a 24-hour shift, 28 formal and 4 contract staff on 12-hour day and night shifts
/// (two each), some leave and requests, over 60 days from 2027-01-01 in Asia/Shanghai.</summary>
internal static class DistrictGenerator
{
    public static readonly LocalDate Start = new(2027, 1, 1);
    public const int Days = 60;
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static RosterProblem Unit(int unit, int seed)
    {
        var random = new Random(seed * 1009 + unit);
        var id = $"u{unit:000}";
        var people = new List<Person>();
        for (var i = 0; i < 8; i++)
        {
            people.Add(new Person($"{id}-L{i}", id, EmploymentType.Formal, [DutyRoles.Leader], []));
        }
        for (var i = 0; i < 32; i++)
        {
            people.Add(new Person($"{id}-S{i}", id, i < 28 ? EmploymentType.Formal : EmploymentType.Contract, [DutyRoles.Staff], i % 3 == 0 ? ["first-aid"] : []));
        }
        var slots = new List<Slot>();
        for (var d = 0; d < Days; d++)
        {
            var date = Start.PlusDays(d);
            var type = ChineseCalendar.TypeOf(date);
            slots.Add(Make(id, DutyRoles.Leader, "L", date, type, new LocalTime(8, 0), Duration.FromHours(24), 0, false));
            for (var k = 0; k < 2; k++)
            {
                slots.Add(Make(id, DutyRoles.Staff, "D", date, type, new LocalTime(8, 0), Duration.FromHours(12), k, false));
                slots.Add(Make(id, DutyRoles.Staff, "N", date, type, new LocalTime(20, 0), Duration.FromHours(12), k, true));
            }
        }
        var leave = new List<Unavailability>();
        var rules = new List<Rule>
        {
            new MinRestRule(Duration.FromHours(24)) { AfterShiftCode = "L" },
            new MinRestRule(Duration.FromHours(12)),
            new ConsecutiveDutyDaysRule { Max = 3 },
            new WorkloadLimitRule { MaxShifts = 11 },
            new TagRequirementRule("first-aid", 1) { ShiftCode = "N" },
            new FairnessRule(DutyRoles.Leader, 20),
            new FairnessRule(DutyRoles.Staff, 20),
            new SpreadRule(3, 0.5),
            new StabilityRule(100),
        };
        foreach (var person in people)
        {
            if (random.NextDouble() < 0.15)
            {
                var from = Start.PlusDays(random.Next(Days - 7));
                leave.Add(new Unavailability(person.Id, "on leave") { Dates = new DateInterval(from, from.PlusDays(2 + random.Next(5))) });
            }
            for (var r = 0; r < 3; r++)
            {
                rules.Add(new RequestRule(person.Id, Start.PlusDays(random.Next(Days)), r == 0, 1 + random.Next(3)));
            }
        }
        return new RosterProblem { Slots = slots, People = people, Unavailability = leave, Rules = rules, Seed = seed + unit };
    }

    private static Slot Make(string unit, string role, string code, LocalDate date, DayType type, LocalTime start, Duration length, int index, bool night)
    {
        // Generated slots resolve local times leniently: Asia/Shanghai has no DST, but the policy is named, not implied.
        var from = date.At(start).InZone(Zone, Resolvers.LenientResolver).ToInstant();
        return new Slot($"{unit}-{code}-{date:yyyyMMdd}-{index}", unit, role, code, date, type, new Interval(from, from + length)) { IsNight = night };
    }
}
