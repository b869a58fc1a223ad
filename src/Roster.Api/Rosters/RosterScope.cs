using Roster.Api.Access;
using Roster.Api.Periods;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>Finds the period and unit a roster request is about, when the caller may see (or administer) them.</summary>
internal static class RosterScope
{
    /// <summary>The prefix of every route about one unit's roster in one period (the roster group, see <see cref="RosterScopeFilter"/>).</summary>
    public const string Route = "/periods/{periodId:guid}/units/{unitId:guid}";

    public static async Task<Found<RosterPlace>> FindAsync(
        DbWork work, Guid periodId, Guid unitId, AccessScope access, bool administer, CancellationToken ct)
    {
        var unit = await UnitStore.FindAsync(work, unitId, ct);
        if (unit is null || !await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var period = await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct);
        if (period is null || !await AccessScope.AppliesToAsync(work, period.UnitId, unitId, ct))
        {
            return ApiProblems.NotFound("period");
        }

        if (administer && !await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit may change its roster.");
        }

        return new RosterPlace(period, unit);
    }
}
