using Roster.Core.Model;

namespace Roster.Core.Storage.Reminders;

/// <summary>Which unit and period a roster version belongs to, and its status.</summary>
internal sealed class RosterVersionHead
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public RosterStatus Status { get; init; } = RosterStatus.Draft;
}
