using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Periods;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>Finds the period and unit a roster request is about, when the caller may see (or administer) them.</summary>
internal static class RosterScope
{
    public static async Task<(PeriodRow? Period, UnitRow? Unit, ProblemHttpResult? Problem)> ResolveAsync(
        DbWork work, Guid periodId, Guid unitId, AccessScope access, bool administer, CancellationToken ct)
    {
        var unit = await UnitStore.FindAsync(work, unitId, ct);
        if (unit is null || !await access.CanReadAsync(work, unitId, ct))
        {
            return (null, null, ApiProblems.NotFound("unit"));
        }

        var period = await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct);
        if (period is null || !await AccessScope.AppliesToAsync(work, period.UnitId, unitId, ct))
        {
            return (null, null, ApiProblems.NotFound("period"));
        }

        if (administer && !await access.CanAdministerAsync(work, unitId, ct))
        {
            return (null, null, ApiProblems.Forbidden("Only an administrator of the unit may change its roster."));
        }

        return (period, unit, null);
    }
}
