namespace Roster.Core.Storage.Inspections;

/// <summary>How many inspections of a requirement a unit has scheduled and done.</summary>
public sealed class TaskCount
{
    public Guid RequirementId { get; init; }

    public Guid UnitId { get; init; }

    public long Scheduled { get; init; }

    public long Done { get; init; }
}
