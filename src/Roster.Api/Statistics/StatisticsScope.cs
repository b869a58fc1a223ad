using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Statistics;

/// <summary>
/// Whose statistics an account sees in a unit's subtree: administrators and supervisors every unit of it they oversee
/// (supervisors read only); duty staff only their own row, and no unit figures. Outside the account's units: 404.
/// </summary>
internal sealed record StatisticsScope(UnitRow Root, IReadOnlyList<UnitRow> Units, Guid? OnlyPerson)
{
    public static async Task<Found<StatisticsScope>> ResolveAsync(
        DbWork work, AccessScope access, Guid unitId, bool wholeUnits, CancellationToken ct)
    {
        var root = await UnitStore.FindAsync(work, unitId, ct);
        if (root is null || !await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var subtree = await UnitStore.SubtreeRowsAsync(work, unitId, ct);
        var overseen = await access.OverseenAsync(work, ct);
        if (overseen.Contains(unitId))
        {
            return new StatisticsScope(root, [.. subtree.Where(u => overseen.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal)], null);
        }

        var person = await access.PersonIdAsync(work, ct);
        if (wholeUnits || person is null)
        {
            return ApiProblems.Forbidden("Only administrators and supervisors of the unit see its statistics; duty staff see their own.");
        }

        var readable = await access.ReadableAsync(work, ct);
        return new StatisticsScope(root, [.. subtree.Where(u => readable.Contains(u.Id))], person);
    }
}
