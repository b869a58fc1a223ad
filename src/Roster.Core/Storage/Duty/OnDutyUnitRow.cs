namespace Roster.Core.Storage.Duty;

/// <summary>A unit on the on-duty board, with its duty office's phone.</summary>
public sealed class OnDutyUnitRow
{
    public Guid UnitId { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string? NameEn { get; init; }

    public string? DutyPhone { get; init; }
}
