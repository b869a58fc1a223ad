using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Notifications;

namespace Roster.Core.Storage.Gaps;

/// <summary>Who hears of a unit's gaps: its admins and every admin or supervisor above it (grants on an ancestor).</summary>
public static class GapRecipients
{
    public static Task<IReadOnlyList<Recipient>> ForUnitAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        DutyRecipients.WithRolesAboveAsync(work, unitId, ["admin", "supervisor"], ct);
}
