using Roster.Core.Model;
using Roster.Core.Rules;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;
using NodaTime;

namespace Roster.Api.Imports;

/// <summary>
/// Which employment types each duty role admits in each unit of an import, from the employmentType rules of the
/// periods that apply to the unit and are not over (and the unit's own rules), with the engine's default (staff duty:
/// formal staff only) where no rule speaks for the staff role. A staff list that gives a contract worker the staff
/// role would only produce unfillable qualifications, so the import says so at the row.
/// </summary>
internal sealed class EmploymentChecks
{
    private readonly Dictionary<Guid, IReadOnlyList<EmploymentTypeRule>> _byUnit;

    private EmploymentChecks(Dictionary<Guid, IReadOnlyList<EmploymentTypeRule>> byUnit) => _byUnit = byUnit;

    public static async Task<EmploymentChecks> LoadAsync(
        DbWork work, UnitRow root, IReadOnlyList<UnitRow> subtree, LocalDate today, CancellationToken ct)
    {
        var above = await UnitStore.AncestorsAndSelfAsync(work, root.Id, ct);
        var parents = subtree.ToDictionary(u => u.Id, u => u.ParentId);
        var periods = (await PeriodStore.ListAsync(work, [.. above.Concat(subtree.Select(u => u.Id)).Distinct()], null, 10_000, ct))
            .Where(p => p.LastDay >= today).ToList();
        var byUnit = new Dictionary<Guid, IReadOnlyList<EmploymentTypeRule>>();
        foreach (var unit in subtree)
        {
            var chain = new HashSet<Guid>(above);
            for (Guid? u = unit.Id; u is { } id && parents.ContainsKey(id); u = parents[id])
            {
                chain.Add(id);
            }

            var rules = new List<EmploymentTypeRule>();
            foreach (var period in periods.Where(p => chain.Contains(p.UnitId)))
            {
                rules.AddRange(RuleJson.Parse(period.Rules).Rules.OfType<EmploymentTypeRule>());
                var own = await UnitRuleStore.FindAsync(work, period.Id, unit.Id, ct);
                rules.AddRange(RuleJson.Parse(own ?? "[]").Rules.OfType<EmploymentTypeRule>());
            }

            if (!rules.Any(r => r.Role == DutyRoles.Staff))
            {
                rules.Add(new EmploymentTypeRule(DutyRoles.Staff, [EmploymentType.Formal]));
            }

            byUnit[unit.Id] = rules;
        }

        return new EmploymentChecks(byUnit);
    }

    /// <summary>The first role of <paramref name="roles"/> a rule bars to <paramref name="employment"/>, or null.</summary>
    public string? BarredRole(Guid unitId, IReadOnlyList<string> roles, string employment)
    {
        var type = Enum.Parse<EmploymentType>(employment, ignoreCase: true);
        var rules = _byUnit.GetValueOrDefault(unitId) ?? [];
        return roles.FirstOrDefault(role => rules.Any(r => r.Role == role && !r.Allowed.Contains(type)));
    }
}
