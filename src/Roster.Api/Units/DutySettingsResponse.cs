using NodaTime;
using Roster.Core.Storage.Duty;

namespace Roster.Api.Units;

/// <summary>A unit's duty settings (the defaults while none are stored); <c>version</c> is the ETag.</summary>
public sealed record DutySettingsResponse(
    Guid UnitId, Duration CheckInOpensBefore, Duration CheckInClosesAfter, bool SwapNeedsApproval, bool StandbyStepsIn, int Version)
{
    public static DutySettingsResponse From(DutySettingsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.UnitId, row.CheckInOpensBefore.ToDuration(), row.CheckInClosesAfter.ToDuration(), row.SwapNeedsApproval, row.StandbyStepsIn, row.Version);
    }
}
