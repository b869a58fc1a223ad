using NodaTime;

namespace Roster.Core.Storage.Rosters;

/// <summary>Someone on duty at a moment: the unit, period and slot of their published assignment.</summary>
public sealed class OnDutyRow
{
    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string Role { get; init; } = "";

    public Guid PersonId { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }
}
