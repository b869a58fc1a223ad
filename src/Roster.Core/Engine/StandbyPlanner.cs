using Roster.Core.Rules;

namespace Roster.Core.Engine;

/// <summary>
/// Plans standby (备班) after the duty roster is fixed: deterministic greedy in order of start, then moves that lower the
/// standby fairness charge. A standby must pass the same "can this person be there" rules as a duty — qualification and
/// unit, employment type, availability, no overlap with their own duties or standbys — while the other per-person rules
/// (rest, runs, workload) count standby only where the rule says so (<see cref="PersonRule.CountsStandby"/>). Ties go to
/// the person earlier in the problem's order, never to an id, which a database hands out at random.
/// </summary>
/// <remarks>Planning after the search leaves the duty roster (and the engine's tuned search) exactly as without standby;
/// a standby never displaces a duty.</remarks>
public static class StandbyPlanner
{
    private const int ImprovementPasses = 20;
    private const double Epsilon = 1e-9;

    public static StandbyPlan Plan(RosterProblem problem, IReadOnlyDictionary<string, string> duties)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(duties);
        var combined = problem with { Slots = [.. problem.Slots, .. problem.StandbySlots] };
        var rules = RuleSet.Effective(problem);
        var employment = rules.OfType<EmploymentTypeRule>().ToList();
        var counted = rules.OfType<PersonRule>().Where(r => r.CountsStandby && r is not NoOverlapRule).ToList();
        var fairness = problem.StandbySlots.Select(s => s.Role).Distinct(StringComparer.Ordinal)
            .ToDictionary(r => r, r => StandbyFairnessRule.For(problem, r), StringComparer.Ordinal);
        var standby = new Dictionary<string, string>(StringComparer.Ordinal);
        var load = new Dictionary<(string Role, string Person), double>();
        var slotDates = problem.Slots.ToDictionary(s => s.Id, s => s.Date, StringComparer.Ordinal);
        var dutyDays = duties.Where(d => slotDates.ContainsKey(d.Key)).Select(d => (d.Value, slotDates[d.Key])).ToHashSet();
        var dutyCount = duties.Values.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ordered = problem.StandbySlots.OrderBy(s => s.Interval.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();

        List<Person> Candidates(Slot slot, string? except)
        {
            var merged = Merge(duties, standby, slot.Id);
            var view = new RosterView(combined, merged);
            return problem.People
                .Where(p => !string.Equals(p.Id, except, StringComparison.Ordinal) && Allowed(view, counted, employment, slot, p))
                .ToList();
        }

        foreach (var slot in ordered)
        {
            var rule = fairness[slot.Role];
            var best = Candidates(slot, null)
                .OrderBy(p => load.GetValueOrDefault((slot.Role, p.Id)))
                .ThenBy(p => dutyDays.Contains((p.Id, slot.Date)) ? 1 : 0)
                .ThenBy(p => dutyCount.GetValueOrDefault(p.Id))
                .FirstOrDefault();
            if (best is not null)
            {
                standby[slot.Id] = best.Id;
                load[(slot.Role, best.Id)] = load.GetValueOrDefault((slot.Role, best.Id)) + rule.LoadOf(slot);
            }
        }

        // Moving a slot of weight w from h to c lowers Σ (load − mean)² exactly when load[c] + w < load[h].
        for (var pass = 0; pass < ImprovementPasses; pass++)
        {
            var moved = false;
            foreach (var slot in ordered.Where(s => standby.ContainsKey(s.Id)))
            {
                var holder = standby[slot.Id];
                var w = fairness[slot.Role].LoadOf(slot);
                var held = load.GetValueOrDefault((slot.Role, holder));
                var taker = Candidates(slot, holder)
                    .Where(p => load.GetValueOrDefault((slot.Role, p.Id)) + w < held - Epsilon)
                    .OrderBy(p => load.GetValueOrDefault((slot.Role, p.Id)))
                    .FirstOrDefault();
                if (taker is not null)
                {
                    standby[slot.Id] = taker.Id;
                    load[(slot.Role, holder)] = held - w;
                    load[(slot.Role, taker.Id)] = load.GetValueOrDefault((slot.Role, taker.Id)) + w;
                    moved = true;
                }
            }
            if (!moved)
            {
                break;
            }
        }

        var penalty = fairness.Values.Sum(r => r.Members(problem).GroupBy(p => p.UnitId, StringComparer.Ordinal)
            .Sum(unit => r.Penalty(unit.Select(p => load.GetValueOrDefault((r.Role, p.Id))))));
        var unfilled = ordered.Where(s => !standby.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        return new StandbyPlan(standby, unfilled, penalty);
    }

    /// <summary>Why <paramref name="person"/> may not stand by in <paramref name="slot"/> given the duty roster and the other
    /// standbys; null when they may. For checking a standby set by hand.</summary>
    public static string? Reason(RosterProblem problem, IReadOnlyDictionary<string, string> duties, IReadOnlyDictionary<string, string> standby, Slot slot, Person person) =>
        Refusal(problem, duties, standby, slot, person)?.Message;

    /// <summary>Like <see cref="Reason"/>, with the rule that refuses (unit, qualification, employmentType, availability,
    /// noOverlap, or a per-person rule that counts standby).</summary>
    public static Exclusion? Refusal(RosterProblem problem, IReadOnlyDictionary<string, string> duties, IReadOnlyDictionary<string, string> standby, Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(person);
        var combined = problem with { Slots = [.. problem.Slots, .. problem.StandbySlots.Where(s => s.Id != slot.Id), slot] };
        var rules = RuleSet.Effective(problem);
        var counted = rules.OfType<PersonRule>().Where(r => r.CountsStandby && r is not NoOverlapRule).ToList();
        var view = new RosterView(combined, Merge(duties, standby, slot.Id));
        return Why(view, counted, rules.OfType<EmploymentTypeRule>().ToList(), slot, person);
    }

    private static bool Allowed(RosterView view, List<PersonRule> counted, List<EmploymentTypeRule> employment, Slot slot, Person person) =>
        Why(view, counted, employment, slot, person) is null;

    private static Exclusion? Why(RosterView view, List<PersonRule> counted, List<EmploymentTypeRule> employment, Slot slot, Person person)
    {
        static Exclusion No(Person p, string rule, string message) => new(p.Id, rule, message, new Dictionary<string, string>());

        if (!string.Equals(person.UnitId, slot.UnitId, StringComparison.Ordinal))
        {
            return No(person, "unit", $"belongs to unit {person.UnitId}, not {slot.UnitId}");
        }
        if (!person.Roles.Contains(slot.Role, StringComparer.Ordinal))
        {
            return No(person, "qualification", $"not qualified for role {slot.Role}");
        }
        if (employment.Any(r => string.Equals(r.Role, slot.Role, StringComparison.Ordinal) && !r.Allowed.Contains(person.EmploymentType)))
        {
            return No(person, "employmentType", $"{person.EmploymentType.ToString().ToLowerInvariant()} employees may not take {slot.Role} duty");
        }
        if (AvailabilityRule.Blocking(view.UnavailabilityOf(person.Id), slot) is { } away)
        {
            return No(person, "availability", away.Reason);
        }
        if (view.SlotsOf(person.Id).FirstOrDefault(s => s.Id != slot.Id && s.Interval.Start < slot.Interval.End && slot.Interval.Start < s.Interval.End) is { } busy)
        {
            return No(person, "noOverlap", $"busy: {busy.ShiftCode} on {RuleData.Day(busy.Date)}");
        }
        return counted.Where(r => r.AppliesTo(person.Id)).Select(r => r.Explain(view, slot, person)).FirstOrDefault(e => e is not null);
    }

    /// <summary>Duties and standbys as one roster, without whoever holds <paramref name="leaveOut"/>.</summary>
    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> duties, IReadOnlyDictionary<string, string> standby, string leaveOut)
    {
        var merged = new Dictionary<string, string>(duties, StringComparer.Ordinal);
        foreach (var (slotId, personId) in standby.Where(s => s.Key != leaveOut))
        {
            merged[slotId] = personId;
        }
        return merged;
    }
}
