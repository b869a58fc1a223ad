namespace Roster.Core.Storage.Statistics;

/// <summary>A person the statistics list, with the unit they belong to.</summary>
public sealed class PersonNameRow
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public Guid UnitId { get; init; }

    public string UnitName { get; init; } = "";
}
