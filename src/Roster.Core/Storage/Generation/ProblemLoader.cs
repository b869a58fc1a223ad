using System.Globalization;
using NodaTime;
using Roster.Core.Storage.Gaps;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Rules;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;
using EngineSlot = Roster.Core.Engine.Slot;

namespace Roster.Core.Storage.Generation;

/// <summary>Builds the engine's problem for one unit and period from what is stored.</summary>
public static class ProblemLoader
{
    /// <summary>
    /// Regenerating keeps the published roster unless the rules say otherwise: each changed assignment costs this much,
    /// more than the fairness gain of a typical single swap, so only changes that fix something are made.
    /// </summary>
    public const double DefaultStabilityWeight = 10;

    public static async Task<RosterInputs> LoadAsync(
        DbWork work, PeriodRow period, UnitRow unit, RosterVersionRow? draft, RosterVersionRow? published, CancellationToken ct)
    {
        var range = new DateInterval(period.FirstDay, period.LastDay);
        var (slots, _) = await RequiredSlots.ExpandAsync(work, period, unit, range, ct);
        var standby = await RequiredSlots.ExpandStandbyAsync(work, period, unit, range, ct);
        var people = InEngineOrder((await ProblemLoaderPeople.ForUnitAsync(work, unit.Id, ct)).Values);
        var leaves = await LeaveStore.ApprovedForUnitAsync(work, unit.Id, period.FirstDay, period.LastDay, ct);
        var unitRules = await UnitRuleStore.FindAsync(work, period.Id, unit.Id, ct);
        var rules = ParseRules(period.Rules).Concat(ParseRules(unitRules ?? "[]")).ToList();
        if (!rules.OfType<StabilityRule>().Any())
        {
            rules.Add(new StabilityRule(DefaultStabilityWeight));
        }

        var pinned = draft is null ? [] : (await AssignmentStore.OfVersionAsync(work, draft.Id, ct)).Where(a => a.Pinned);
        var previous = published is null ? [] : await AssignmentStore.OfVersionAsync(work, published.Id, ct);
        var unitId = unit.Id.ToString();
        var problem = new RosterProblem
        {
            Slots = slots.Select(s => new EngineSlot(s.Key, unitId, s.Role, s.ShiftCode, s.Date, s.DayType, s.Interval) { IsNight = s.IsNight }).ToList(),
            StandbySlots = standby.Select(s => new EngineSlot(RosterInputs.StandbyPrefix + s.Key, unitId, s.Role, s.ShiftCode, s.Date, s.DayType, s.Interval) { IsNight = s.IsNight }).ToList(),
            People = people.Where(p => p.Active).Select(p => new Person(
                p.Id.ToString(), unitId, Enum.Parse<EmploymentType>(p.EmploymentType, ignoreCase: true), p.Roles, p.Tags)).ToList(),
            Unavailability = leaves.Select(l => new Unavailability(l.PersonId.ToString(), LeaveReason(l))
            {
                Dates = new DateInterval(l.FirstDay, l.LastDay),
            }).ToList(),
            Pinned = pinned.Select(a => new Assignment(a.SlotKey, a.PersonId.ToString())).ToList(),
            Previous = previous.Select(a => new Assignment(a.SlotKey, a.PersonId.ToString())).ToList(),
            Rules = rules,
            Horizon = range,
        };
        return new RosterInputs(period, unit, problem, slots.ToDictionary(s => s.Key, StringComparer.Ordinal), people.ToDictionary(p => p.Id))
        {
            StandbySlots = standby.ToDictionary(s => RosterInputs.StandbyPrefix + s.Key, StringComparer.Ordinal),
        };
    }

    /// <summary>The engine's draws follow the order of its people, and ids are random: ordered by staff number, then name
    /// (the id only between namesakes), the same people, rules and seed give the same roster in any database.</summary>
    private static List<PersonRow> InEngineOrder(IEnumerable<PersonRow> people) => people
        .OrderBy(p => p.StaffNumber is null ? 1 : 0)
        .ThenBy(p => p.StaffNumber, StringComparer.Ordinal)
        .ThenBy(p => p.Name, StringComparer.Ordinal)
        .ThenBy(p => p.Id)
        .ToList();

    /// <summary>Stored rules were checked when written; a rule that no longer parses is skipped rather than failing the roster.</summary>
    private static IEnumerable<Rule> ParseRules(string json) => RuleJson.Parse(json).Rules;

    private static string LeaveReason(LeaveRow leave)
    {
        var kind = leave.Kind == "day_off" ? "day off" : "on leave";
        var first = leave.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return leave.FirstDay == leave.LastDay
            ? $"{kind} {first}"
            : $"{kind} {first}…{leave.LastDay.ToString(leave.LastDay.Month == leave.FirstDay.Month ? "dd" : "MM-dd", CultureInfo.InvariantCulture)}";
    }
}
