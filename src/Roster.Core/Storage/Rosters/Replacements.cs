using Roster.Core.Model;
using Roster.Core.Rules;
using Roster.Core.Storage.Generation;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Rosters;

/// <summary>Ranks the people who could take a slot of the published roster, checked by the validator.</summary>
public static class Replacements
{
    public static async Task<IReadOnlyList<ReplacementCandidate>> RankAsync(
        DbWork work, PeriodRow period, UnitRow unit, string slotKey, CancellationToken ct)
    {
        var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, RosterStatus.Published, ct);
        var inputs = await ProblemLoader.LoadAsync(work, period, unit, null, published, ct);
        var rows = published is null ? [] : await AssignmentStore.OfVersionAsync(work, published.Id, ct);
        return Rank(inputs, Drafts.ToMap(rows), slotKey, await StandbyOfSlotAsync(work, period.Id, unit.Id, slotKey, ct));
    }

    /// <summary>The people standing by for the slot's shift and role in the published roster (not yet stepped in).</summary>
    public static async Task<IReadOnlySet<string>> StandbyOfSlotAsync(DbWork work, Guid periodId, Guid unitId, string slotKey, CancellationToken ct) =>
        (await StandbyStore.PublishedForSlotAsync(work, periodId, unitId, slotKey, ct))
            .Where(s => s.SteppedInAt is null).Select(s => s.PersonId.ToString()).ToHashSet(StringComparer.Ordinal);

    /// <summary>At most this many people of the role are tried (each try validates the whole roster).</summary>
    public const int MaxEvaluated = 60;

    /// <summary>Everyone of the slot's role for whom the roster, with them in the slot, breaks no hard rule it did not break
    /// already: the slot's <paramref name="standby"/> first, then by score.</summary>
    public static IReadOnlyList<ReplacementCandidate> Rank(
        RosterInputs inputs, IReadOnlyDictionary<string, string> roster, string slotKey, IReadOnlySet<string>? standby = null)
    {
        if (!inputs.Slots.TryGetValue(slotKey, out var slot))
        {
            return [];
        }

        var without = new Dictionary<string, string>(roster, StringComparer.Ordinal);
        var current = without.GetValueOrDefault(slotKey);
        without.Remove(slotKey);
        // Stability would favour the person leaving the slot; ranking is about who fits best now.
        var problem = inputs.Problem with { Previous = [] };
        var baseline = RosterValidator.Validate(problem, without).HardViolations.Count;
        var result = new List<ReplacementCandidate>();
        var eligible = problem.People.Where(p => p.Roles.Contains(slot.Role, StringComparer.Ordinal) && p.Id != current);
        // The standby is always tried, even where the role has more people than are evaluated.
        foreach (var person in eligible.Where(p => standby?.Contains(p.Id) == true).Concat(eligible.Where(p => standby?.Contains(p.Id) != true).Take(MaxEvaluated)))
        {
            var trial = new Dictionary<string, string>(without, StringComparer.Ordinal) { [slotKey] = person.Id };
            var report = RosterValidator.Validate(problem, trial);
            if (report.HardViolations.Count <= baseline)
            {
                var row = inputs.People[Guid.Parse(person.Id)];
                result.Add(new ReplacementCandidate(row.Id, row.Name, row.Phone, Math.Round(report.SoftScore, 3), standby?.Contains(person.Id) == true));
            }
        }

        return result.OrderBy(c => c.Standby ? 0 : 1).ThenBy(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
