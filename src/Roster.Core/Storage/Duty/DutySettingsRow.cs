using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>A unit's duty settings (defaults when the unit has none stored).</summary>
public sealed class DutySettingsRow
{
    public Guid UnitId { get; init; }

    public Period CheckInOpensBefore { get; init; } = Period.FromMinutes(30);

    public Period CheckInClosesAfter { get; init; } = Period.FromMinutes(15);

    /// <summary>Whether an accepted swap waits for an admin (the default, as bureaus require) or applies at once.</summary>
    public bool SwapNeedsApproval { get; init; } = true;

    /// <summary>Whether a gap on the published roster is filled at once from the slot's standby (备班自动顶岗); off by default.</summary>
    public bool StandbyStepsIn { get; init; }

    public int Version { get; init; }
}
