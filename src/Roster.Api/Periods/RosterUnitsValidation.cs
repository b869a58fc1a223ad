using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Periods;

/// <summary>Checks a period's <c>rosterUnits</c> against the declaring unit's subtree.</summary>
internal static class RosterUnitsValidation
{
    public const int MaxUnits = 5000;

    public static async Task<(string Mode, Guid[] UnitIds, bool OwnUnit)> ValidateAsync(
        DbWork work, Guid periodUnitId, RosterUnitsRequest? request, (string Mode, Guid[] UnitIds, bool OwnUnit) current,
        FieldErrors errors, CancellationToken ct)
    {
        if (request is null)
        {
            return current;
        }

        var mode = string.IsNullOrWhiteSpace(request.Mode) ? "all" : request.Mode.Trim();
        if (mode is not ("all" or "leaves" or "list"))
        {
            errors.Add("rosterUnits.mode", "must be all, leaves or list");
            return current;
        }

        var ids = (request.UnitIds ?? []).Distinct().ToArray();
        if (mode == "list")
        {
            if (ids.Length == 0)
            {
                errors.Add("rosterUnits.unitIds", "must name at least one unit when mode is list");
            }
            else if (ids.Length > MaxUnits)
            {
                errors.Add("rosterUnits.unitIds", $"may name at most {MaxUnits} units");
            }
            else
            {
                var subtree = (await UnitStore.SubtreeAsync(work, periodUnitId, ct)).ToHashSet();
                for (var i = 0; i < ids.Length; i++)
                {
                    if (!subtree.Contains(ids[i]))
                    {
                        errors.Add($"rosterUnits.unitIds[{i}]", "is not a unit of the period's subtree");
                    }
                }
            }
        }
        else if (ids.Length > 0)
        {
            errors.Add("rosterUnits.unitIds", "is only for mode list");
        }

        return (mode, mode == "list" ? ids : [], mode == "leaves" && request.IncludeOwnUnit == true);
    }
}
